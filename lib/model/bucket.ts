/**
 * Plain bucket data, safe for the browser: what the gateway returns and the screens show.
 * The console's own view of a bucket: retention in seconds (0 = infinite) and as text.
 */
export interface BucketInfo {
  id: string;
  orgID: string;
  name: string;
  description: string;
  retentionSeconds: number;
  retentionText: string;
  shardGroupDurationSeconds: number;
  createdAt: string;
  updatedAt: string;
  system: boolean;
}

/** A bucket as the Buckets screen lists it. */
export interface BucketRow extends BucketInfo {
  /** Named in the active spec (AI-5). */
  managed: boolean;
}
