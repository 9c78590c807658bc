import 'server-only';
import { openDb, type Db } from '../db';
import { log } from '../log';
import type { Instance, ShardState, ShardStates } from './change-signal';
import type { KnownBucket, KnownSlice } from './refresh-plan';
import type { SliceCounts } from './slice-counts';
import type { Slice } from './slices';

/**
 * The counts of each slice of a bucket, kept in console.db so that the server, every CLI run
 * and the next start share them: a refresh recounts only the slices that may have changed.
 * Keyed by InfluxDB URL and bucket ID: a bucket deleted and created again is a new bucket.
 */
export interface StoredSlice extends KnownSlice, Slice {
  countedAt: number;
  counts: SliceCounts;
}

export interface StoredBucket extends KnownBucket {
  revision: number;
  slices: Map<string, StoredSlice>;
}

export interface BucketRef {
  url: string;
  bucketId: string;
}

interface BucketRow {
  pending_json: string;
  instance_json: string | null;
  shards_json: string | null;
  refreshed_at: number;
  reconciled_at: number;
  revision: number;
}

interface SliceRow {
  start: string;
  stop: string;
  counted_at: number;
  series: number;
  shards_json: string;
  counts_json: string;
}

/** Thrown for a stored value that is not JSON: console.db was damaged or written by something else. */
const CORRUPT = Symbol('corrupt');

const parseOr = <T>(json: string | null, fallback: T | typeof CORRUPT, what: string): T => {
  if (json === null) return fallback === CORRUPT ? (null as T) : fallback;
  try {
    return JSON.parse(json) as T;
  } catch (e) {
    log.warn('stats: a stored value in console.db is not JSON', { what, error: e instanceof Error ? e.message : String(e) });
    if (fallback === CORRUPT) throw Object.assign(new Error(`corrupt ${what}`), { [CORRUPT]: true });
    return fallback;
  }
};
const parse = <T>(json: string | null, fallback: T): T => parseOr(json, fallback, 'count state');

export function loadCounts(ref: BucketRef, db: Db = openDb()): StoredBucket | null {
  const row = db
    .prepare('SELECT pending_json, instance_json, shards_json, refreshed_at, reconciled_at, revision FROM count_buckets WHERE influx_url = ? AND bucket_id = ?')
    .get(ref.url, ref.bucketId) as BucketRow | undefined;
  if (!row) return null;
  const rows = db
    .prepare('SELECT start, stop, counted_at, series, shards_json, counts_json FROM count_slices WHERE influx_url = ? AND bucket_id = ?')
    .all(ref.url, ref.bucketId) as SliceRow[];
  const slices = new Map<string, StoredSlice>();
  for (const r of rows) {
    const key = `${r.start}/${r.stop}`;
    try {
      const counts = parseOr<SliceCounts>(r.counts_json, CORRUPT, `counts of slice ${key}`);
      slices.set(key, { key, start: r.start, stop: r.stop, countedAt: r.counted_at, series: r.series, shards: parse<string[]>(r.shards_json, []), counts });
    } catch {
      // Damaged counts are not counts: the slice is left out, so the next refresh counts it again.
    }
  }
  return {
    instance: parse<Instance | null>(row.instance_json, null),
    shards: parse<ShardStates | null>(row.shards_json, null),
    refreshedAt: row.refreshed_at,
    reconciledAt: row.reconciled_at,
    pending: parse<string[]>(row.pending_json, []),
    revision: row.revision,
    slices,
  };
}

/** Stores one recounted slice at once (a refresh cancelled half-way keeps what it counted). */
export function saveSlice(ref: BucketRef, slice: StoredSlice, db: Db = openDb()): void {
  db.transaction(() => {
    db.prepare(
      `INSERT INTO count_slices (influx_url, bucket_id, start, stop, counted_at, series, shards_json, counts_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (influx_url, bucket_id, start, stop) DO UPDATE SET counted_at = excluded.counted_at, series = excluded.series, shards_json = excluded.shards_json, counts_json = excluded.counts_json`,
    ).run(ref.url, ref.bucketId, slice.start, slice.stop, slice.countedAt, slice.series, JSON.stringify(slice.shards), JSON.stringify(slice.counts));
    // A bucket row must exist for the revision; a first slice creates it as never refreshed.
    db.prepare(
      `INSERT INTO count_buckets (influx_url, bucket_id, instance_json, shards_json, refreshed_at, reconciled_at, revision) VALUES (?, ?, NULL, NULL, 0, 0, 1)
       ON CONFLICT (influx_url, bucket_id) DO UPDATE SET revision = revision + 1`,
    ).run(ref.url, ref.bucketId);
    const row = db.prepare('SELECT pending_json FROM count_buckets WHERE influx_url = ? AND bucket_id = ?').get(ref.url, ref.bucketId) as Pick<
      BucketRow,
      'pending_json'
    >;
    const pending = parse<string[]>(row.pending_json, []).filter((k) => k !== slice.key);
    db.prepare('UPDATE count_buckets SET pending_json = ? WHERE influx_url = ? AND bucket_id = ?').run(JSON.stringify(pending), ref.url, ref.bucketId);
  })();
}

export interface RefreshedState {
  instance: Instance | null;
  shards: ShardStates | null;
  refreshedAt: number;
  /** The slices this refresh is about to count: until each is saved, the next refresh counts it. */
  pending: readonly string[];
  /** The slices of the bucket now: any other stored slice is dropped. */
  keep: readonly string[];
  /** Shard -> slice key learned in this refresh. */
  learned: ReadonlyMap<string, string>;
}

/**
 * Records, before counting, the shard states a refresh starts from and the slices it will
 * count: a refresh that stops half-way (cancelled, InfluxDB gone) leaves the rest pending,
 * and a write during it shows as a change against these states next time.
 */
export function saveRefreshed(ref: BucketRef, state: RefreshedState, db: Db = openDb()): void {
  db.transaction(() => {
    db.prepare(
      `INSERT INTO count_buckets (influx_url, bucket_id, instance_json, shards_json, refreshed_at, reconciled_at, revision, pending_json) VALUES (?, ?, ?, ?, ?, 0, 1, ?)
       ON CONFLICT (influx_url, bucket_id) DO UPDATE SET instance_json = excluded.instance_json, shards_json = excluded.shards_json, refreshed_at = excluded.refreshed_at, pending_json = excluded.pending_json`,
    ).run(
      ref.url,
      ref.bucketId,
      JSON.stringify(state.instance),
      state.shards ? JSON.stringify(state.shards) : null,
      state.refreshedAt,
      JSON.stringify([...state.pending]),
    );
    const rows = db.prepare('SELECT start, stop, shards_json FROM count_slices WHERE influx_url = ? AND bucket_id = ?').all(ref.url, ref.bucketId) as Pick<
      SliceRow,
      'start' | 'stop' | 'shards_json'
    >[];
    const keep = new Set(state.keep);
    const live = state.shards ? new Set(Object.keys(state.shards)) : null;
    const drop = db.prepare('DELETE FROM count_slices WHERE influx_url = ? AND bucket_id = ? AND start = ? AND stop = ?');
    const setShards = db.prepare('UPDATE count_slices SET shards_json = ? WHERE influx_url = ? AND bucket_id = ? AND start = ? AND stop = ?');
    for (const r of rows) {
      const key = `${r.start}/${r.stop}`;
      if (!keep.has(key)) {
        drop.run(ref.url, ref.bucketId, r.start, r.stop);
        continue;
      }
      const before = parse<string[]>(r.shards_json, []);
      // A shard learned elsewhere moves here; a shard InfluxDB no longer has is forgotten.
      const shards = new Set(before.filter((id) => (live ? live.has(id) : true) && (state.learned.get(id) ?? key) === key));
      for (const [id, at] of state.learned) if (at === key) shards.add(id);
      const after = [...shards].sort();
      if (after.join() !== before.join()) setShards.run(JSON.stringify(after), ref.url, ref.bucketId, r.start, r.stop);
    }
  })();
}

/** Replaces the recorded state of one shard (the baseline the next refresh compares /metrics with). */
export function saveShardState(ref: BucketRef, shardId: string, state: ShardState, db: Db = openDb()): void {
  db.transaction(() => {
    const row = db.prepare('SELECT shards_json FROM count_buckets WHERE influx_url = ? AND bucket_id = ?').get(ref.url, ref.bucketId) as
      { shards_json: string | null } | undefined;
    if (!row?.shards_json) return;
    const shards = { ...parse<ShardStates>(row.shards_json, {}), [shardId]: state };
    db.prepare('UPDATE count_buckets SET shards_json = ? WHERE influx_url = ? AND bucket_id = ?').run(JSON.stringify(shards), ref.url, ref.bucketId);
  })();
}

/** Marks slices to be counted again by the next refresh, whatever /metrics shows (nothing when none is stored). */
export function markPending(ref: BucketRef, keys: readonly string[], db: Db = openDb()): void {
  if (keys.length === 0) return;
  db.transaction(() => {
    const row = db.prepare('SELECT pending_json FROM count_buckets WHERE influx_url = ? AND bucket_id = ?').get(ref.url, ref.bucketId) as
      Pick<BucketRow, 'pending_json'> | undefined;
    if (!row) return;
    const pending = [...new Set([...parse<string[]>(row.pending_json, []), ...keys])];
    db.prepare('UPDATE count_buckets SET pending_json = ? WHERE influx_url = ? AND bucket_id = ?').run(JSON.stringify(pending), ref.url, ref.bucketId);
  })();
}

/** Records that a shard holds a slice's data (and no other slice's); nothing when the slice is not stored. */
export function learnShard(ref: BucketRef, shardId: string, key: string, db: Db = openDb()): void {
  db.transaction(() => {
    const rows = db.prepare('SELECT start, stop, shards_json FROM count_slices WHERE influx_url = ? AND bucket_id = ?').all(ref.url, ref.bucketId) as Pick<
      SliceRow,
      'start' | 'stop' | 'shards_json'
    >[];
    if (!rows.some((r) => `${r.start}/${r.stop}` === key)) return;
    const setShards = db.prepare('UPDATE count_slices SET shards_json = ? WHERE influx_url = ? AND bucket_id = ? AND start = ? AND stop = ?');
    for (const r of rows) {
      const before = parse<string[]>(r.shards_json, []);
      const here = `${r.start}/${r.stop}` === key;
      const after = here ? [...new Set([...before, shardId])].sort() : before.filter((id) => id !== shardId);
      if (after.join() !== before.join()) setShards.run(JSON.stringify(after), ref.url, ref.bucketId, r.start, r.stop);
    }
  })();
}

/** Records that every slice was counted by the refresh that started at `at`. */
export function saveReconciled(ref: BucketRef, at: number, db: Db = openDb()): void {
  db.prepare('UPDATE count_buckets SET reconciled_at = ? WHERE influx_url = ? AND bucket_id = ?').run(at, ref.url, ref.bucketId);
}

/** Forgets the counts of buckets that no longer exist on this server. */
export function forgetOtherBuckets(url: string, liveIds: readonly string[], db: Db = openDb()): void {
  const placeholders = liveIds.map(() => '?').join(', ');
  const where = liveIds.length ? `influx_url = ? AND bucket_id NOT IN (${placeholders})` : 'influx_url = ?';
  db.transaction(() => {
    db.prepare(`DELETE FROM count_slices WHERE ${where}`).run(url, ...liveIds);
    db.prepare(`DELETE FROM count_buckets WHERE ${where}`).run(url, ...liveIds);
  })();
}

/** The last details read of a bucket's counts (details.ts), as JSON; kept with its counts. */
export function saveDetails(ref: BucketRef, json: string, db: Db = openDb()): void {
  db.prepare('UPDATE count_buckets SET details_json = ? WHERE influx_url = ? AND bucket_id = ?').run(json, ref.url, ref.bucketId);
}

export function loadDetails(ref: BucketRef, db: Db = openDb()): string | null {
  const row = db.prepare('SELECT details_json FROM count_buckets WHERE influx_url = ? AND bucket_id = ?').get(ref.url, ref.bucketId) as
    { details_json: string | null } | undefined;
  return row?.details_json ?? null;
}
