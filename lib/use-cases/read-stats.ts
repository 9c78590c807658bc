import 'server-only';
import { InfluxError } from '../errors';
import type { BucketInfo } from '../model/bucket';
import { bucketMissing } from '../messages';
import type { Result } from '../result';
import { bucketStats, type BucketStats } from '../stats/bucket-stats';
import { processMemo } from '../stats/memo';
import { withInflux, type Context } from './context';

/**
 * Aggregates are written daily: a count is reused for 50 s (screens poll every 30 s, so what they
 * show is at most about a minute old), then refreshed behind the cached answer. Every change the
 * console makes itself drops the cache at once.
 */
export const STATS_TTL_MS = 50_000;
const memo = processMemo<BucketStats>('stats', STATS_TTL_MS);

function statsKey(url: string, bucket: Pick<BucketInfo, 'id' | 'retentionSeconds'>): string {
  return `${url}|${bucket.id}|${bucket.retentionSeconds}`;
}

/** Stats of buckets the context already knows: what the storage report reuses. */
export async function statsOf(ctx: Context, only?: string, opts: { fresh?: boolean } = {}): Promise<BucketStats[]> {
  const names = only ? [only] : ctx.spec.buckets.map((b) => b.name);
  const existing = await ctx.influx.buckets();
  return Promise.all(
    names.map((name) => {
      const bucket = existing.find((b) => b.name === name);
      if (!bucket) throw new InfluxError(bucketMissing(name, only ? 'Pick a bucket from the list.' : undefined));
      const compute = () => bucketStats(bucket, ctx.spec.buckets.find((b) => b.name === name), ctx.influx.conn);
      const key = statsKey(ctx.influx.conn.env.url, bucket);
      return opts.fresh ? memo.fresh(key, compute) : memo(key, compute);
    }),
  );
}

/**
 * Stats of the spec's buckets, or of the one bucket named (which may be outside the spec).
 * `fresh`: count now rather than answer from the cache; concurrent fresh callers share one count.
 */
export function readStats(only?: string, opts: { fresh?: boolean } = {}): Promise<Result<BucketStats[]>> {
  return withInflux((ctx) => statsOf(ctx, only, opts));
}

/**
 * The spec's buckets from the cache only, for a server render that must not wait for a slow
 * count: null unless every one has been counted before (a count is then started for the client).
 */
export async function cachedStats(): Promise<Result<BucketStats[] | null>> {
  return withInflux(async (ctx) => {
    const existing = await ctx.influx.buckets();
    const cached = ctx.spec.buckets.map((b) => {
      const bucket = existing.find((x) => x.name === b.name);
      return bucket ? memo.peek(statsKey(ctx.influx.conn.env.url, bucket)) : undefined;
    });
    if (cached.some((c) => c === undefined)) {
      void statsOf(ctx).catch((e: unknown) => console.error('stats: background count failed:', e instanceof Error ? e.message : e));
      return null;
    }
    return cached as BucketStats[];
  });
}
