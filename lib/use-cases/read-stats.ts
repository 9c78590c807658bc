import 'server-only';
import { InfluxError } from '../errors';
import type { BucketInfo } from '../influx/buckets';
import { fetchMetrics } from '../influx/metrics';
import { parsePrometheus, type PromFamily } from '../influx/prometheus';
import { bucketMissing } from '../messages';
import type { Result } from '../result';
import { bucketStats, type BucketStats } from '../stats/bucket-stats';
import { bucketSignature } from '../stats/change-signal';
import { processCache } from '../stats/memo';
import { withInflux, type Context } from './context';

/**
 * Counting a bucket reads every series it holds; HomeIQ writes its aggregates once a day. So a
 * count is kept and only *checked* while screens are open: at most every CHECK_MS, one /metrics
 * scrape tells whether the bucket was written to, lost a shard or influxd restarted since
 * (change-signal.ts); only then is it counted again. What /metrics cannot see (a delete with a
 * predicate) is caught by recounting every RECONCILE_MS while someone looks, or at once with
 * `stats --fresh`; with /metrics disabled, counts are taken again every NO_SIGNAL_MS. Changes the
 * console makes itself drop the cache (recordChange).
 */
export const CHECK_MS = 30_000;
export const RECONCILE_MS = 15 * 60_000;
/** With /metrics disabled (influxd --metrics-disabled), how long a count is trusted. */
export const NO_SIGNAL_MS = 5 * 60_000;

interface Counted {
  stats: BucketStats;
  /** The bucket's /metrics signature read just before it was counted; null when /metrics is off. */
  signature: string | null;
  checkedAt: number;
}

class StatsCache {
  readonly entries = new Map<string, Counted>();
  readonly pending = new Map<string, Promise<BucketStats>>();
  /** One /metrics scrape (per server) serves every bucket checked within METRICS_REUSE_MS. */
  readonly metrics = new Map<string, { at: number; families: Promise<Map<string, PromFamily> | null> }>();
  /** Bumped by clear(): a count started before a change is not stored after it. */
  generation = 0;
  clear(): void {
    this.entries.clear();
    this.metrics.clear();
    this.generation++;
  }
}

const cache = processCache('stats', () => new StatsCache());
const METRICS_REUSE_MS = 5_000;

async function signatureOf(ctx: Context, bucket: BucketInfo): Promise<string | null> {
  const conn = ctx.influx.conn;
  try {
    let scrape = cache.metrics.get(conn.env.url);
    if (!scrape || Date.now() - scrape.at >= METRICS_REUSE_MS) {
      scrape = { at: Date.now(), families: fetchMetrics(conn).then((m) => (m.kind === 'ok' ? parsePrometheus(m.text) : null)) };
      cache.metrics.set(conn.env.url, scrape);
      scrape.families.catch(() => cache.metrics.delete(conn.env.url));
    }
    const families = await scrape.families;
    return families ? bucketSignature(families, bucket.id) : null;
  } catch (e) {
    console.error('stats: /metrics unreadable, counting again instead:', e instanceof Error ? e.message : e);
    return null;
  }
}

function singleFlight(key: string, work: () => Promise<BucketStats>): Promise<BucketStats> {
  const running = cache.pending.get(key);
  if (running) return running;
  const next = work().finally(() => cache.pending.delete(key));
  cache.pending.set(key, next);
  return next;
}

async function count(ctx: Context, bucket: BucketInfo, key: string): Promise<BucketStats> {
  const generation = cache.generation;
  const signature = await signatureOf(ctx, bucket);
  const stats = await bucketStats(bucket, ctx.spec.buckets.find((b) => b.name === bucket.name), ctx.influx.conn);
  if (generation === cache.generation) cache.entries.set(key, { stats, signature, checkedAt: Date.now() });
  return stats;
}

/** Counts again only when /metrics shows a change, or the last count is older than RECONCILE_MS. */
async function check(ctx: Context, bucket: BucketInfo, key: string, known: Counted): Promise<BucketStats> {
  const signature = await signatureOf(ctx, bucket);
  const now = Date.now();
  const age = now - Date.parse(known.stats.computedAt);
  // Without /metrics there is no change signal: count again every NO_SIGNAL_MS rather than at each check.
  const unchanged = signature === null ? known.signature === null && age < NO_SIGNAL_MS : signature === known.signature && age < RECONCILE_MS;
  if (unchanged) {
    const checked: Counted = { ...known, checkedAt: now, stats: { ...known.stats, checkedAt: new Date(now).toISOString() } };
    if (cache.entries.get(key) === known) cache.entries.set(key, checked);
    return checked.stats;
  }
  return count(ctx, bucket, key);
}

function bucketKey(url: string, bucket: Pick<BucketInfo, 'id' | 'retentionSeconds'>): string {
  return `${url}|${bucket.id}|${bucket.retentionSeconds}`;
}

function statsOfBucket(ctx: Context, bucket: BucketInfo, fresh: boolean): Promise<BucketStats> {
  const key = bucketKey(ctx.influx.conn.env.url, bucket);
  if (fresh) return singleFlight(`${key}|fresh`, () => count(ctx, bucket, key));
  const known = cache.entries.get(key);
  if (!known) return singleFlight(key, () => count(ctx, bucket, key));
  if (Date.now() - known.checkedAt < CHECK_MS) return Promise.resolve(known.stats);
  // The known figures answer at once; the check (and a recount if needed) runs behind them.
  void singleFlight(key, () => check(ctx, bucket, key, known)).catch((e: unknown) => console.error(`stats: refreshing ${bucket.name} failed:`, e instanceof Error ? e.message : e));
  return Promise.resolve(known.stats);
}

/** Stats of buckets the context already knows: what the storage report reuses. */
export async function statsOf(ctx: Context, only?: string, opts: { fresh?: boolean } = {}): Promise<BucketStats[]> {
  const names = only ? [only] : ctx.spec.buckets.map((b) => b.name);
  const existing = await ctx.influx.buckets();
  return Promise.all(
    names.map((name) => {
      const bucket = existing.find((b) => b.name === name);
      if (!bucket) throw new InfluxError(bucketMissing(name, only ? 'Pick a bucket from the list.' : undefined));
      return statsOfBucket(ctx, bucket, opts.fresh ?? false);
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
      return bucket ? cache.entries.get(bucketKey(ctx.influx.conn.env.url, bucket))?.stats : undefined;
    });
    if (cached.some((c) => c === undefined)) {
      // Count for the client's first request, unless a bucket is missing (the screen says so then).
      const missing = ctx.spec.buckets.some((b) => !existing.some((x) => x.name === b.name));
      if (!missing) void statsOf(ctx).catch((e: unknown) => console.error('stats: background count failed:', e instanceof Error ? e.message : e));
      return null;
    }
    return cached as BucketStats[];
  });
}
