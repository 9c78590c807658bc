import 'server-only';
import { attempt } from '../influx/attempt';
import { listBuckets } from '../influx/buckets';
import { connection } from '../influx/client';
import { consoleError, InfluxError } from '../influx/errors';
import { requireOrg } from '../influx/orgs';
import type { Result } from '../result';
import { activeSpec } from '../spec/load';
import { bucketStats, type BucketStats } from './bucket-stats';
import { processMemo } from './memo';

/** Stats move slowly (aggregates are written daily): fresh for a few seconds, then refreshed behind a cached answer. */
const STATS_TTL_MS = 5_000;
const memo = processMemo<BucketStats>('stats', STATS_TTL_MS);


/**
 * Stats of the spec's buckets, or of the one bucket named (which may be outside the spec).
 * Buckets of the spec that do not exist are reported as errors the screen can show.
 */
/**
 * `fresh`: count now, skipping the cache. `cachedOnly`: answer only from the cache (null when
 * a bucket was never counted), for a server render that must not wait for a slow count.
 */
export function readStats(only?: string, opts: { fresh?: boolean } = {}): Promise<Result<BucketStats[]>> {
  return attempt(async () => {
    const spec = activeSpec();
    if (!spec.ok) throw new InfluxError(spec.error);
    const conn = connection();
    const org = await requireOrg(conn.env.org, conn);
    const existing = await listBuckets({ orgID: org.id }, conn);
    const names = only ? [only] : spec.data.buckets.map((b) => b.name);
    return Promise.all(
      names.map((name) => {
        const bucket = existing.find((b) => b.name === name);
        if (!bucket) throw new InfluxError(consoleError('not_found', `Bucket ${name} does not exist.`, only ? 'Pick a bucket from the list.' : 'Provision the AI-5 buckets first (Provision screen, or: npm run --silent cli -- provision).'));
        const compute = () => bucketStats(bucket, spec.data.buckets.find((b) => b.name === name), conn);
        return opts.fresh ? compute() : memo(statsKey(conn.env.url, bucket), compute);
      }),
    );
  });
}

function statsKey(url: string, bucket: { id: string; retentionSeconds: number }): string {
  return `${url}|${bucket.id}|${bucket.retentionSeconds}`;
}

/** The spec's buckets from the cache only: null unless every one has been counted before. */
export async function cachedStats(): Promise<BucketStats[] | null> {
  const result = await attempt(async () => {
    const spec = activeSpec();
    if (!spec.ok) return null;
    const conn = connection();
    const org = await requireOrg(conn.env.org, conn);
    const existing = await listBuckets({ orgID: org.id }, conn);
    const cached = spec.data.buckets.map((b) => {
      const bucket = existing.find((x) => x.name === b.name);
      return bucket ? memo.peek(statsKey(conn.env.url, bucket)) : undefined;
    });
    if (cached.some((c) => c === undefined)) {
      void readStats(); // start counting for the client's request
      return null;
    }
    return cached as BucketStats[];
  });
  return result.ok ? result.data : null;
}
