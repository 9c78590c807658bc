import 'server-only';
import type { Connection } from '../influx/client';
import type { PromFamily } from '../influx/prometheus';
import { QueryCancelled } from '../influx/cancelled';
import { seriesByMeasurement, seriesPerSlice } from '../influx/index-reads';
import { appendedCounts } from './append';
import { bucketShards, instanceOf, shardChange, type ShardStates } from './change-signal';
import { REUSE_MS } from './scrape';
import { locateChanges, locateStages, locatesAll, planRefresh, type RecountReason, type RefreshMode } from './refresh-plan';
import { sliceReader, type CountMethod, type SliceReader } from './read-slice';
import type { SliceCounts } from './slice-counts';
import { learnShard, loadCounts, markPending, saveShardState, saveReconciled, saveRefreshed, saveSlice, type BucketRef, type StoredSlice } from './slice-store';
import { slicePool } from './slice-pool';
import { countSlices, currentSlices, FIRST, iso, LAST, sliceKey, type Slice } from './slices';

export interface CountableBucket {
  id: string;
  name: string;
  retentionSeconds: number;
  shardGroupDurationSeconds?: number;
}

/** How often everything is counted again while someone looks, to catch what no signal shows. */
export const RECONCILE_MS = 24 * 3_600_000;
/** With /metrics disabled (influxd --metrics-disabled), how long counts are trusted between looks. */
export const NO_SIGNAL_MS = 5 * 60_000;

export interface RefreshOptions {
  /** /metrics, parsed (null when InfluxDB does not serve it), at most `maxAgeMs` old: one scrape can serve several buckets. */
  metrics: (maxAgeMs: number) => Promise<{ families: ReadonlyMap<string, PromFamily>; at: number; receivedAt?: number } | null>;
  conn: Connection;
  signal?: AbortSignal;
  /** Told of each slice as it is counted (for progress). */
  onSlice?: (done: number, total: number) => void;
  /** `flux` reads every slice with Flux (tests compare the two ways); `auto` uses InfluxQL where it reads the bucket exactly. */
  method?: CountMethod;
}

export interface RefreshedCounts {
  slices: StoredSlice[];
  /** Slices counted in this refresh, and why. */
  recounted: number;
  /** Of those, the slices brought up to date as appends (append.ts), without reading them whole. */
  appended: number;
  reasons: Partial<Record<RecountReason, number>>;
  /** How the slices read whole were read (null: none was). */
  readWith: SliceReader['method'] | null;
  /** Bumped whenever a slice's counts changed: equal revisions, equal figures. */
  revision: number;
  /** The counts were up to date at this time. */
  refreshedAt: number;
}

/** The slices of a bucket: shard-group aligned, or one slice for infinite retention. */
export function slicesOf(bucket: CountableBucket, now: number): Slice[] {
  return countSlices(bucket, now) ?? [{ start: FIRST, stop: LAST }];
}

async function seriesOf(bucket: CountableBucket, slices: readonly Slice[], conn: Connection, signal?: AbortSignal): Promise<Map<string, number>> {
  if (slices.length === 0) return new Map();
  const series = await seriesPerSlice(bucket.name, slices, conn, signal);
  return new Map(slices.map((s, i) => [sliceKey(s), series[i] ?? 0]));
}

const DAY_MS = 86_400_000;

/** The UTC day of `now` when `slice` is longer than a day and holds it: where its appends are followed. */
function todayIn(slice: Slice, now: number): Slice | null {
  if (slice.start === FIRST || slice.stop === LAST) return null;
  const start = Date.parse(slice.start);
  const stop = Date.parse(slice.stop);
  const day = Math.floor(now / DAY_MS) * DAY_MS;
  return stop - start > DAY_MS && start <= day && day + DAY_MS <= stop ? { start: iso(day / 1000), stop: iso((day + DAY_MS) / 1000) } : null;
}

/** Series per measurement in `range`, by the index (whole shard groups: no data read; a day within one: no values read). */
async function seriesIn(
  bucket: CountableBucket,
  names: readonly string[],
  range: Slice,
  conn: Connection,
  signal?: AbortSignal,
): Promise<Record<string, number>> {
  return Object.fromEntries(await seriesByMeasurement(bucket.name, names, conn, signal, range));
}

/** `counts` with today's series of each measurement, for the next append of a slice longer than a day. */
async function withDaySeries(
  bucket: CountableBucket,
  slice: Slice,
  counts: SliceCounts,
  now: number,
  conn: Connection,
  signal?: AbortSignal,
): Promise<SliceCounts> {
  const today = todayIn(slice, now);
  if (!today) return counts;
  const series = await seriesIn(bucket, Object.keys(counts), today, conn, signal);
  return Object.fromEntries(Object.entries(counts).map(([m, c]) => [m, { ...c, daySeries: { day: today.start.slice(0, 10), series: series[m] ?? 0 } }]));
}

/**
 * The counts of a slice whose one shard was only appended to (append.ts), or null when that is
 * not proven and the slice is read whole. Reads the index for the slice's series per measurement
 * (and today's, in a slice longer than a day); today's points only when the index does not prove it.
 */
async function appendOf(
  bucket: CountableBucket,
  slice: Slice,
  stored: StoredSlice,
  shards: readonly string[],
  baseline: ShardStates,
  seen: ShardStates,
  seriesTotal: number | undefined,
  now: number,
  conn: Connection,
  read: () => Promise<SliceReader>,
  signal?: AbortSignal,
): Promise<SliceCounts | null> {
  const id = shards[0];
  const shard = id === undefined ? undefined : seen[id];
  if (shards.length !== 1 || id === undefined || !shard || seriesTotal === undefined || slice.start === FIRST || slice.stop === LAST) return null;
  const days = Math.round((Date.parse(slice.stop) - Date.parse(slice.start)) / DAY_MS);
  const today = todayIn(slice, now);
  if (days !== 1 && !today) return null;
  const names = Object.keys(stored.counts);
  if (names.length === 0) return null;
  const [series, daySeries] = await Promise.all([
    seriesIn(bucket, names, slice, conn, signal),
    today ? seriesIn(bucket, names, today, conn, signal) : Promise.resolve(undefined),
  ]);
  const input = {
    days,
    day: (today ?? slice).start.slice(0, 10),
    counted: stored.counts,
    countedSeries: stored.series,
    before: baseline[id],
    now: shard,
    series,
    seriesTotal,
    ...(daySeries ? { daySeries } : {}),
  };
  const appended = appendedCounts(input);
  if (appended || !today) return appended;
  return appendedCounts({ ...input, dayCounts: await (await read())(today, signal) });
}

/**
 * Brings a bucket's per-slice counts in console.db up to date and returns them: `check` and
 * `fresh` recount only what may have changed (refresh-plan.ts), `full` recounts everything.
 */
export async function refreshCounts(url: string, bucket: CountableBucket, mode: RefreshMode, opts: RefreshOptions): Promise<RefreshedCounts> {
  const conn = opts.conn;
  const ref: BucketRef = { url, bucketId: bucket.id };
  // A fresh or full refresh brings the counts up to date *now*: a scrape from before it began will not do.
  const scrape = await opts.metrics(mode === 'check' ? REUSE_MS : 0);
  const now = Date.now();
  const slices = slicesOf(bucket, now);
  const known = loadCounts(ref);
  const seen = {
    now,
    instance: scrape ? instanceOf(scrape.families, scrape.at, scrape.receivedAt) : null,
    shards: scrape ? bucketShards(scrape.families, bucket.id) : null,
  };
  const plan = planRefresh(slices, known, seen, mode, { reconcileMs: RECONCILE_MS, noSignalMs: NO_SIGNAL_MS });
  let dirty = plan.dirty;
  let learned = new Map<string, string>();
  const series = new Map<string, number>();
  if (plan.locate && known) {
    for (const stage of locateStages(plan, slices, known, now)) {
      for (const [k, v] of await seriesOf(bucket, stage, conn, opts.signal)) series.set(k, v);
      if (locatesAll(plan, slices, known, series)) break;
    }
    ({ dirty, learned } = locateChanges(plan, slices, known, series));
  }
  const todo = slices.filter((s) => dirty.has(sliceKey(s)));
  const missing = todo.filter((s) => !series.has(sliceKey(s)));
  if (missing.length) for (const [k, v] of await seriesOf(bucket, missing, conn, opts.signal)) series.set(k, v);

  saveRefreshed(ref, { instance: seen.instance, shards: seen.shards, refreshedAt: now, pending: todo.map(sliceKey), keep: slices.map(sliceKey), learned });
  let done = 0;
  let appended = 0;
  // Prepared once, on the first slice that reads points: a refresh that only appends reads none.
  let reader: Promise<SliceReader> | undefined;
  const read = () => (reader ??= sliceReader(bucket, conn, opts.method, opts.signal));
  const countOne = async (slice: Slice, signal: AbortSignal) => {
    const key = sliceKey(slice);
    const before = known?.slices.get(key);
    const shards = [...new Set([...(before?.shards ?? []), ...[...learned].filter(([, k]) => k === key).map(([id]) => id)])];
    // Only a slice recounted for a write (not one a delete of the console's left pending, nor a new one).
    const why = dirty.get(key);
    const appendable = !plan.whole && (why === 'shard-written' || why === 'current' || why === 'series-changed');
    const append =
      !appendable || !before || !known?.shards || !seen.shards
        ? null
        : await appendOf(bucket, slice, before, shards, known.shards, seen.shards, series.get(key), now, conn, read, signal);
    if (append) appended++;
    const counts = append ?? (await withDaySeries(bucket, slice, await (await read())(slice, signal), now, conn, signal));
    saveSlice(ref, { key, ...slice, countedAt: Date.now(), series: series.get(key) ?? 0, shards, counts });
    opts.onSlice?.(++done, todo.length);
  };
  // One failed slice stops the rest of this refresh: its waiting slices leave the pool, running ones are aborted.
  const failed = new AbortController();
  const signal = opts.signal ? AbortSignal.any([opts.signal, failed.signal]) : failed.signal;
  try {
    await Promise.all(
      todo.map((slice) => slicePool().run({ batch: todo.length, cost: series.get(sliceKey(slice)) ?? 0, signal, run: () => countOne(slice, signal) })),
    );
  } catch (e) {
    failed.abort(e);
    // Every caller went away: the slices left waiting were dropped, which is the same stop.
    throw opts.signal?.aborted ? new QueryCancelled() : e;
  }
  if (plan.whole) saveReconciled(ref, now);

  const stored = loadCounts(ref);
  const reasons: Partial<Record<RecountReason, number>> = {};
  for (const s of todo) {
    const why = dirty.get(sliceKey(s));
    if (why) reasons[why] = (reasons[why] ?? 0) + 1;
  }
  return {
    slices: slices.map((s) => stored?.slices.get(sliceKey(s))).filter((s): s is StoredSlice => !!s),
    recounted: todo.length,
    appended,
    readWith: reader ? (await reader).method : null,
    reasons,
    revision: stored?.revision ?? 0,
    refreshedAt: now,
  };
}

/**
 * The console's own write at `atMs` (the verify probe: one point, written and deleted at once),
 * told to the counts with the shard states seen just `before` it. The probe changes no record
 * (its measurement is never counted), yet it moves its shard's counters, and it leaves no series
 * to place it by: a refresh after it would count the current slice again at best, and at worst
 * (its shard not known yet) every slice, minutes per verify at a million points.
 * - When nothing had changed since the last refresh and the probe's shard moved by exactly its
 *   one point and one write, the new state is taken as the baseline: nothing to count again.
 * - Otherwise, when its shard is the only unclaimed one that moved, that shard is learned as the
 *   slice of `atMs`, which is counted again as the current slice.
 */
export async function acknowledgeOwnWrite(
  url: string,
  bucket: CountableBucket,
  atMs: number,
  before: Awaited<ReturnType<RefreshOptions['metrics']>>,
  metrics: RefreshOptions['metrics'],
): Promise<'absorbed' | 'learned' | 'none'> {
  const ref: BucketRef = { url, bucketId: bucket.id };
  const known = loadCounts(ref);
  if (!known?.shards) return 'none';
  const after = await metrics(0);
  if (!after) return 'none';
  const seen = bucketShards(after.families, bucket.id);
  const slice = currentSlices(slicesOf(bucket, atMs), atMs)[0];
  if (!slice) return 'none';
  const baseline = known.shards;
  const prior = before ? bucketShards(before.families, bucket.id) : null;
  const ids = (a: ShardStates, b: ShardStates) => [...new Set([...Object.keys(a), ...Object.keys(b)])];
  if (prior && ids(baseline, prior).every((id) => shardChange(baseline[id], prior[id]) === 'none')) {
    const probed = ids(prior, seen).filter((id) => shardChange(prior[id], seen[id]) !== 'none');
    const id = probed[0];
    // A shard the probe created (its day had no data yet) starts from zero.
    const a = (id === undefined ? undefined : prior[id]) ?? { written: 0, writes: 0 };
    const b = id === undefined ? undefined : seen[id];
    if (probed.length === 1 && id !== undefined && b && b.written - a.written === 1 && b.writes - a.writes === 1) {
      saveShardState(ref, id, b);
      learnShard(ref, id, sliceKey(slice));
      return 'absorbed';
    }
  }
  const claimed = new Set([...known.slices.values()].flatMap((s) => s.shards));
  const moved = Object.keys(seen).filter((id) => !claimed.has(id) && shardChange(baseline[id], seen[id]) !== 'none');
  if (moved.length !== 1) return 'none';
  learnShard(ref, moved[0] as string, sliceKey(slice));
  return 'learned';
}

/**
 * The console changed the points of [startMs, stopMs] itself (a delete): the slices they fall in
 * are counted again on the next refresh, whether or not /metrics shows the change yet.
 */
export function invalidateRange(url: string, bucket: CountableBucket, startMs: number, stopMs: number): void {
  const touched = slicesOf(bucket, Date.now()).filter((s) => Date.parse(s.start) <= stopMs && startMs < Date.parse(s.stop));
  markPending({ url, bucketId: bucket.id }, touched.map(sliceKey));
}
