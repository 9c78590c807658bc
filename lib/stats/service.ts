import 'server-only';
import { noteNewest } from '../insights/arrivals';
import type { BucketInfo } from '../influx/buckets';
import type { Connection } from '../influx/client';
import type { BucketSpec } from '../spec/schema';
import { bucketStats, presentMeasurements, readDetails, slicedTagSets, type BucketStats } from './bucket-stats';
import { lastActivity } from '../http/activity';
import { behindQueue } from './behind';
import { covers, detailsFromJson, detailsToJson, SLOW_DETAILS_MS, withDetails, type Details } from './details';
import { refreshCounts, type RefreshedCounts } from './incremental';
import { processCache } from './memo';
import type { RefreshMode } from './refresh-plan';
import { scrapeMetrics } from './scrape';
import { mergeSlices } from './slice-counts';
import { forgetOtherBuckets, loadDetails, saveDetails } from './slice-store';
import { errorText, log } from '../log';

/** What the service counts in: the server, its organization's buckets, and the spec's buckets. */
export interface StatsScope {
  conn: Connection;
  buckets(): Promise<BucketInfo[]>;
  specs: readonly BucketSpec[];
}

/**
 * The record counts of the screens, the CLI and the checks, as one service per process: a cache of
 * the assembled figures, one count per bucket at a time shared by every caller (single flight), and
 * a queue of slow details reads behind the counts. Use cases are thin verbs over it.
 */
export interface StatsService {
  /** The figures of `bucket` (see StatsOptions for the modes). */
  of(scope: StatsScope, bucket: BucketInfo, opts?: StatsOptions): Promise<BucketStats>;
  /** The figures held for `bucket`, without counting; undefined when none are. */
  held(url: string, bucket: BucketInfo): BucketStats | undefined;
  /** The figures of counts a caller refreshed itself (the verify insights check). */
  ofCounts(conn: Connection, bucket: BucketInfo, spec: BucketSpec | undefined, counted: RefreshedCounts): Promise<BucketStats>;
  /** Runs `work` as a refresh does: details read behind the counts wait until it is done. */
  inForeground<T>(work: () => Promise<T>): Promise<T>;
  /**
   * The records per measurement of `bucket`, its counts brought up to date (`fresh`: only what may
   * have changed is recounted) and nothing else read: no details, nothing behind (a backup's manifest).
   */
  records(scope: StatsScope, bucket: BucketInfo, signal?: AbortSignal, onSlice?: (done: number, total: number) => void): Promise<Record<string, number>>;
}

/**
 * Counting a bucket reads every series it holds; HomeIQ writes its aggregates once a day. So
 * counts are kept per time slice in console.db (incremental.ts) and only *checked* while
 * screens are open: at most every CHECK_MS, one /metrics scrape tells whether the bucket was
 * written to, and only the slices that may have changed are counted again. The figures
 * assembled from them are kept here, in memory, until the slices change (their revision).
 */
export const CHECK_MS = 30_000;

interface Assembled {
  stats: BucketStats;
  revision: number;
  checkedAt: number;
  /** The counts these figures add up, and the details read they use (carried forward when slow). */
  counted: RefreshedCounts;
  details: Details;
}

interface Waiting {
  promise: Promise<BucketStats>;
  controller: AbortController;
  /** Callers that can go away (a browser request); the count stops when the last one has. */
  waiters: number;
  /** A caller that cannot go away (the CLI, a background check): never cancelled. */
  pinned: boolean;
}

class StatsCache {
  readonly entries = new Map<string, Assembled>();
  readonly pending = new Map<string, Waiting>();
  /** Details read behind figures that carry an older read forward; they yield to every refresh, and wait while someone uses the console. */
  readonly behind = behindQueue((key, e) => log.warn('stats: reading the details failed', { bucket: key.split('|')[1], error: errorText(e) }), {
    activity: lastActivity,
  });
  /** Bumped by clear(): figures assembled before a change are not stored after it. */
  generation = 0;
  clear(): void {
    this.entries.clear();
    this.generation++;
  }
}

const cache = processCache('stats', () => new StatsCache());

/**
 * One count per key at a time, shared by every caller. A caller's `signal` leaving does not
 * stop a count others wait for; when every caller has left, the count is cancelled (the
 * slices it finished are kept in console.db).
 */
function singleFlight(key: string, signal: AbortSignal | undefined, work: (signal: AbortSignal) => Promise<BucketStats>): Promise<BucketStats> {
  let entry = cache.pending.get(key);
  if (!entry) {
    const controller = new AbortController();
    const created: Waiting = { controller, waiters: 0, pinned: false, promise: Promise.resolve(null as unknown as BucketStats) };
    created.promise = work(controller.signal).finally(() => {
      if (cache.pending.get(key) === created) cache.pending.delete(key);
    });
    cache.pending.set(key, created);
    entry = created;
  }
  const joined = entry;
  if (!signal) {
    joined.pinned = true;
    return joined.promise;
  }
  joined.waiters++;
  const leave = () => {
    joined.waiters--;
    if (joined.waiters === 0 && !joined.pinned) joined.controller.abort();
  };
  if (signal.aborted) leave();
  else signal.addEventListener('abort', leave, { once: true });
  return joined.promise.finally(() => signal.removeEventListener('abort', leave));
}

function bucketKey(url: string, bucket: Pick<BucketInfo, 'id' | 'retentionSeconds'>): string {
  return `${url}|${bucket.id}|${bucket.retentionSeconds}`;
}

/**
 * The figures of `counted`: those held when the counts did not change, else assembled. The
 * details (series, tag and field keys, first and last times) are read with them, unless their
 * last read was slow (SLOW_DETAILS_MS) and covers every measurement: that read is then carried
 * forward (details.ts) and a new one runs behind, replacing them when it is done. A full recount
 * always waits for the details.
 */
async function assemble(
  conn: Connection,
  bucket: BucketInfo,
  spec: BucketSpec | undefined,
  counted: RefreshedCounts,
  key: string,
  mode: RefreshMode,
  waitForDetails = false,
): Promise<{ stats: BucketStats; details: Details; carried: boolean }> {
  const held = cache.entries.get(key);
  if (held && held.revision === counted.revision && counted.recounted === 0)
    return { stats: { ...held.stats, computedAt: new Date(counted.refreshedAt).toISOString(), recountedSlices: 0 }, details: held.details, carried: false };
  const ref = { url: conn.env.url, bucketId: bucket.id };
  const present = presentMeasurements(spec, counted);
  // The last read: this process's, or the one console.db keeps (a restart of the console does not wait either).
  const prior = held?.details ?? detailsFromJson(loadDetails(ref));
  const carried = !waitForDetails && mode !== 'full' && prior && prior.ms >= SLOW_DETAILS_MS && covers(prior, present) ? prior : null;
  let details = carried;
  if (!details) {
    details = await readDetails(bucket, present, counted, conn);
    saveDetails(ref, detailsToJson(details));
  }
  return { stats: bucketStats(bucket, spec, counted, details), details, carried: carried !== null };
}

/** A new details read for the figures held under `key`, which then take it (behind any refresh). */
function readDetailsBehind(conn: Connection, bucket: BucketInfo, spec: BucketSpec | undefined, key: string): void {
  const generation = cache.generation;
  cache.behind.queue(key, async (signal) => {
    const entry = cache.entries.get(key);
    if (!entry || generation !== cache.generation) return;
    const details = await readDetails(bucket, presentMeasurements(spec, entry.counted), entry.counted, conn, signal);
    const now = cache.entries.get(key);
    if (!now || generation !== cache.generation) return;
    saveDetails({ url: conn.env.url, bucketId: bucket.id }, detailsToJson(details));
    // Counts that moved on meanwhile take the read carried forward from the revision it was made at.
    cache.entries.set(key, { ...now, details, stats: withDetails(now.stats, details, now.revision, slicedTagSets(now.counted)) });
    log.info('stats: details read behind the counts', { bucket: bucket.name, ms: details.ms });
  });
}

/** Runs `work` as a refresh does: details read behind the counts wait until it is done. */
function inForeground<T>(work: () => Promise<T>): Promise<T> {
  return cache.behind.foreground(work);
}

/** One refresh of a bucket's figures: where, which, how far, and for whom. */
interface Refresh extends Pick<StatsOptions, 'onSlice' | 'waitForDetails'> {
  scope: StatsScope;
  bucket: BucketInfo;
  /** The cache entry the figures go to (`bucketKey`). */
  key: string;
  mode: RefreshMode;
  signal: AbortSignal;
}

/** Refreshes the bucket's slices, then assembles its figures unless they are the ones already held. */
function refresh(r: Refresh): Promise<BucketStats> {
  return cache.behind.foreground(() => refreshNow(r));
}

async function refreshNow({ scope, bucket, key, mode, signal, onSlice, waitForDetails }: Refresh): Promise<BucketStats> {
  const started = performance.now();
  const generation = cache.generation;
  const conn = scope.conn;
  forgetOtherBuckets(
    conn.env.url,
    (await scope.buckets()).map((b) => b.id),
  );
  const counted = await refreshCounts(conn.env.url, bucket, mode, {
    conn,
    signal,
    metrics: (maxAgeMs) => scrapeMetrics(conn, maxAgeMs),
    onSlice: onSlice && ((done, total) => onSlice(bucket.name, done, total)),
  });
  const counting = Math.round(performance.now() - started);
  const now = Date.now();
  const assembled = await assemble(
    conn,
    bucket,
    scope.specs.find((b) => b.name === bucket.name),
    counted,
    key,
    mode,
    waitForDetails,
  );
  const stats = { ...assembled.stats, queryMs: Math.round(performance.now() - started), checkedAt: new Date(now).toISOString() };
  logRefreshed(bucket, mode, counted, counting, Math.round(performance.now() - started));
  // What arrived since the last refresh dates the writes (Insights' clock-offset finding); figures carried from an older read do not.
  if (!assembled.carried) noteNewest(conn.env.url, bucket.id, [...stats.measurements, ...stats.unexpected], now);
  if (generation === cache.generation) {
    cache.entries.set(key, { stats, revision: counted.revision, checkedAt: now, counted, details: assembled.details });
    if (assembled.carried)
      readDetailsBehind(
        conn,
        bucket,
        scope.specs.find((b) => b.name === bucket.name),
        key,
      );
  }
  return stats;
}

/**
 * The figures of counts a caller refreshed itself (the verify insights check): those held when
 * they match, else assembled like the screens' (carrying a slow details read forward).
 */
async function statsOfCounts(conn: Connection, bucket: BucketInfo, spec: BucketSpec | undefined, counted: RefreshedCounts): Promise<BucketStats> {
  return (await assemble(conn, bucket, spec, counted, bucketKey(conn.env.url, bucket), 'check')).stats;
}

export interface StatsOptions {
  /** `fresh`: bring the counts up to date now (only what may have changed); `full`: count every slice again. */
  mode?: 'cached' | 'fresh' | 'full';
  /** The caller's request: when every caller of a count has gone, the count stops. */
  signal?: AbortSignal;
  /** Told as each slice is counted, when this caller started the count (the CLI shows it). */
  onSlice?: (bucket: string, done: number, total: number) => void;
  /** Read the details with the counts even when that is slow (the CLI: it prints once and exits). */
  waitForDetails?: boolean;
}

function statsOfBucket(scope: StatsScope, bucket: BucketInfo, opts: StatsOptions): Promise<BucketStats> {
  const key = bucketKey(scope.conn.env.url, bucket);
  const mode = opts.mode ?? 'cached';
  if (mode !== 'cached')
    return singleFlight(`${key}|${mode}${opts.waitForDetails ? '|details' : ''}`, opts.signal, (signal) =>
      refresh({ scope, bucket, key, mode, signal, onSlice: opts.onSlice, waitForDetails: opts.waitForDetails }),
    );
  const held = cache.entries.get(key);
  if (!held) return singleFlight(key, opts.signal, (signal) => refresh({ scope, bucket, key, mode: 'check', signal, onSlice: opts.onSlice }));
  if (Date.now() - held.checkedAt < CHECK_MS) return Promise.resolve(held.stats);
  // The held figures answer at once; the check (and a recount if needed) runs behind them.
  void singleFlight(key, undefined, (signal) => refresh({ scope, bucket, key, mode: 'check', signal })).catch((e: unknown) =>
    log.warn('stats: refreshing a bucket failed', { bucket: bucket.name, error: errorText(e) }),
  );
  return Promise.resolve(held.stats);
}

/** One log line per refresh that counted anything: what, why, and how long (the bench reads it). */
function logRefreshed(bucket: BucketInfo, mode: RefreshMode, counted: RefreshedCounts, countMs: number, totalMs: number): void {
  if (counted.recounted === 0) return;
  log.info('stats: counts refreshed', {
    bucket: bucket.name,
    mode,
    recounted: counted.recounted,
    appended: counted.appended,
    readWith: counted.readWith,
    slices: counted.slices.length,
    reasons: counted.reasons,
    countMs,
    totalMs,
  });
}

async function recordsOf(
  scope: StatsScope,
  bucket: BucketInfo,
  signal?: AbortSignal,
  onSlice?: (done: number, total: number) => void,
): Promise<Record<string, number>> {
  const started = performance.now();
  const conn = scope.conn;
  const counted = await inForeground(() =>
    refreshCounts(conn.env.url, bucket, 'fresh', { conn, signal, onSlice, metrics: (maxAgeMs) => scrapeMetrics(conn, maxAgeMs) }),
  );
  const ms = Math.round(performance.now() - started);
  logRefreshed(bucket, 'fresh', counted, ms, ms);
  const records: Record<string, number> = {};
  for (const [m, c] of mergeSlices(counted.slices.map((sl) => sl.counts)).counts) if (c.records > 0) records[m] = c.records;
  return records;
}

/** The one stats service of the process. */
export const statsService: StatsService = {
  of: (scope, bucket, opts = {}) => statsOfBucket(scope, bucket, opts),
  held: (url, bucket) => cache.entries.get(bucketKey(url, bucket))?.stats,
  ofCounts: statsOfCounts,
  inForeground,
  records: recordsOf,
};
