import type { PromFamily } from '../influx/prometheus';

/** Points InfluxDB refused for a bucket since influxd started, from /metrics (per shard, summed). */
export interface Rejections {
  /** Points dropped (storage_shard_write_dropped_sum): a field type conflict, a point outside the retention. */
  droppedPoints: number;
  /**
   * Write requests to the bucket's shards that failed: storage_shard_write_err_sum, which influxd
   * bumps once per failed request (its `_count` adds the request's points: tsdb/shard.go, twoCounterObserver).
   */
  failedWrites: number;
}

const sum = (families: ReadonlyMap<string, PromFamily>, name: string, bucketId: string): number =>
  (families.get(name)?.samples ?? []).filter((s) => s.labels.bucket === bucketId && Number.isFinite(s.value)).reduce((n, s) => n + s.value, 0);

/** The /metrics samples rejections are read from. */
export const REJECTION_METRICS = ['storage_shard_write_dropped_sum', 'storage_shard_write_err_sum'] as const;

export function rejectionsOf(families: ReadonlyMap<string, PromFamily>, bucketId: string): Rejections {
  const [dropped, failed] = REJECTION_METRICS;
  return { droppedPoints: sum(families, dropped, bucketId), failedWrites: sum(families, failed, bucketId) };
}

export interface RejectionMark {
  /** Unix ms of the first scrape that saw the counters above zero. */
  since: number;
  droppedPoints: number;
  failedWrites: number;
}

/**
 * The time rejections started: the first scrape that saw them, kept until the counters go back
 * to zero; a counter lower than before means influxd restarted and counted again, so the mark
 * moves to now.
 */
export function nextMark(prev: RejectionMark | null, now: Rejections, at: number): RejectionMark | null {
  if (now.droppedPoints === 0 && now.failedWrites === 0) return null;
  const restarted = prev !== null && (now.droppedPoints < prev.droppedPoints || now.failedWrites < prev.failedWrites);
  return { since: prev && !restarted ? prev.since : at, ...now };
}
