import type { PromFamily } from '../influx/prometheus';

/**
 * What InfluxDB's /metrics says about a bucket's data, per shard: the points written (and
 * write batches), the series its index holds, and its WAL's size. A write moves the write
 * counters (a new day's write may add a shard); a delete appends to the WAL of the shards it
 * touches; a retention expiry drops a shard. The counters start again at zero when influxd
 * restarts, which its start time tells apart.
 *
 * Not covered: a delete whose WAL entry was already snapshotted away before the console looked
 * (influxd snapshots a shard's WAL once it is cold, 10 minutes by default). refresh-plan.ts
 * says what the console does about each case.
 */
export interface ShardState {
  /** storage_shard_write_count: points written since influxd started (see SIGNALS). */
  written: number;
  /** storage_shard_write_sum: write requests since influxd started. */
  writes: number;
  /** storage_shard_series: series in the shard's index. */
  series: number;
  /** storage_wal_size: bytes in the shard's WAL (grows with writes, and with deletes of points still in the cache; empties on a snapshot). */
  wal: number;
  /**
   * storage_tsm_files_disk_bytes: bytes of the shard's TSM files. A delete of points already on
   * disk leaves the WAL and every counter alone; influxd then rewrites the tombstoned files (in
   * about a second here), which changes this. Absent in states stored before it was kept.
   */
  tsm?: number;
  /** storage_tsm_files_total: a compaction merges files (their number changes); a delete's rewrite does not. */
  files?: number;
  /**
   * storage_shard_write_dropped_sum and storage_shard_write_err_count: points influxd refused
   * (a field type conflict) or whose request failed. Such a point can leave a series in the index
   * and no data, so no append is taken from the index when they moved (append.ts).
   */
  dropped?: number;
  failed?: number;
}

/** Shard ID -> its state, for one bucket. */
export type ShardStates = Record<string, ShardState>;

export interface Instance {
  id: string;
  /** Unix ms, from the uptime gauge and the time the scrape was sent: the earliest the process can have started. */
  startedAt: number;
  /**
   * The same from the time the answer arrived: the latest it can have started. A busy influxd
   * answers /metrics seconds late, so the start time is only known within this window.
   */
  latestStart?: number;
}

/**
 * influxd names its two write counters the other way round: a write of n points does
 * `sum.Inc()` and `count.Add(n)` (twoCounterObserver in tsdb/shard.go, v2.7 and v2.8), so
 * `write_count` is the points and `write_sum` the requests.
 */
export const SIGNALS: Record<string, keyof ShardState> = {
  storage_shard_write_count: 'written',
  storage_shard_write_sum: 'writes',
  storage_shard_series: 'series',
  storage_wal_size: 'wal',
  storage_tsm_files_disk_bytes: 'tsm',
  storage_tsm_files_total: 'files',
  storage_shard_write_dropped_sum: 'dropped',
  storage_shard_write_err_count: 'failed',
};

export function bucketShards(families: ReadonlyMap<string, PromFamily>, bucketId: string): ShardStates {
  const shards: ShardStates = {};
  for (const [name, field] of Object.entries(SIGNALS)) {
    for (const s of families.get(name)?.samples ?? []) {
      if (s.labels.bucket !== bucketId || s.name !== name) continue;
      const id = s.labels.id ?? '?';
      shards[id] ??= { written: 0, writes: 0, series: 0, wal: 0 };
      shards[id][field] = s.value;
    }
  }
  return Object.fromEntries(Object.entries(shards).sort(([a], [b]) => a.localeCompare(b)));
}

/** One string for a bucket's state: equal strings, nothing written or deleted since. */
export function bucketSignature(families: ReadonlyMap<string, PromFamily>, bucketId: string): string {
  return Object.entries(bucketShards(families, bucketId))
    .map(([id, s]) => `${id}:written=${s.written},writes=${s.writes},series=${s.series},wal=${s.wal}`)
    .join(';');
}

export type ShardChange = 'none' | 'written' | 'deleted' | 'dropped';

/**
 * What happened to a shard between two looks: `written` (its write counters moved, or it is
 * new), `deleted` (only its WAL grew: a delete's entry), `dropped` (it is gone). A WAL that
 * shrank was snapshotted: the data did not change. The series gauge is not compared: influxd
 * updates it seconds after a write (measured at 1M points: a refresh with nothing written
 * recounted the slice the last write went to), and a delete that removes series grows the WAL.
 */
export function shardChange(before: ShardState | undefined, now: ShardState | undefined): ShardChange {
  if (!now) return before ? 'dropped' : 'none';
  if (!before) return 'written';
  if (now.written !== before.written || now.writes !== before.writes) return 'written';
  // Without a write: the WAL grew (a delete of cached points), or the TSM files shrank while their
  // number stayed (influxd rewrote a tombstoned file: a delete of points on disk). Snapshots and
  // compactions change the number of files, and go on for minutes after a large write: they are
  // not taken for deletes. The series gauge is not used: it lags writes and deletes alike.
  if (now.wal > before.wal) return 'deleted';
  const rewritten =
    before.tsm !== undefined &&
    now.tsm !== undefined &&
    before.files !== undefined &&
    now.files !== undefined &&
    now.files === before.files &&
    now.tsm < before.tsm;
  return rewritten ? 'deleted' : 'none';
}

/**
 * The influxd process that served the scrape (`influxdb_uptime_seconds`), or null when it is not
 * reported. `sentAt` and `receivedAt` bound the moment influxd read its uptime.
 */
export function instanceOf(families: ReadonlyMap<string, PromFamily>, sentAt: number, receivedAt: number = sentAt): Instance | null {
  const sample = families.get('influxdb_uptime_seconds')?.samples[0];
  if (!sample || !Number.isFinite(sample.value)) return null;
  const up = sample.value * 1000;
  return { id: sample.labels.id ?? '', startedAt: Math.round(sentAt - up), latestStart: Math.round(receivedAt - up) };
}

/**
 * Whether influxd restarted between two looks. Its `id` label is the data folder's, kept
 * across restarts, so the start time decides: a restart when the two windows in which each
 * process started (see Instance) lie more than START_TOLERANCE_MS apart (the gauge and the
 * clocks round). A slow answer widens a window instead of looking like a restart (at a million
 * points a busy influxd answered /metrics late enough to make every verify count everything
 * again). A write counter that went down says restart too.
 */
const START_TOLERANCE_MS = 2_000;

export function restarted(
  before: { instance: Instance | null; shards: ShardStates | null },
  now: { instance: Instance | null; shards: ShardStates | null },
): boolean {
  const a = before.instance;
  const b = now.instance;
  if (
    a &&
    b &&
    (a.id !== b.id || b.startedAt > (a.latestStart ?? a.startedAt) + START_TOLERANCE_MS || a.startedAt > (b.latestStart ?? b.startedAt) + START_TOLERANCE_MS)
  )
    return true;
  for (const [id, state] of Object.entries(now.shards ?? {})) {
    const old = before.shards?.[id];
    if (old && (state.written < old.written || state.writes < old.writes)) return true;
  }
  return false;
}
