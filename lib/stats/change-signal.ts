import type { PromFamily } from '../influx/prometheus';

/**
 * What InfluxDB's /metrics says about a bucket's data: per shard, the points written and the
 * series its index holds. A write changes its shard's state (a new day's write may add a
 * shard); a retention expiry drops a shard. The counters start again at zero when influxd
 * restarts, which the instance (process ID and start time) tells apart.
 *
 * Not covered: a delete with a predicate changes the write counters of no shard, and a shard's
 * series gauge only when a series lost its last point there. The refresh plan (refresh-plan.ts)
 * says what it does about each case.
 */
const SIGNALS = ['storage_shard_write_sum', 'storage_shard_write_count', 'storage_shard_series'] as const;

/** Shard ID -> its state, for one bucket. */
export type ShardStates = Record<string, string>;

export interface Instance {
  id: string;
  /** Unix ms, from the uptime gauge. */
  startedAt: number;
}

export function bucketShards(families: ReadonlyMap<string, PromFamily>, bucketId: string): ShardStates {
  const shards = new Map<string, string[]>();
  for (const name of SIGNALS) {
    for (const s of families.get(name)?.samples ?? []) {
      if (s.labels.bucket !== bucketId || s.name !== name) continue;
      const id = s.labels.id ?? '?';
      shards.set(id, [...(shards.get(id) ?? []), `${name.slice(14)}=${s.value}`]);
    }
  }
  return Object.fromEntries([...shards].sort(([a], [b]) => a.localeCompare(b)).map(([id, values]) => [id, values.sort().join(',')]));
}

/** One string for a bucket's whole state: equal strings, nothing written since. */
export function bucketSignature(families: ReadonlyMap<string, PromFamily>, bucketId: string): string {
  return Object.entries(bucketShards(families, bucketId))
    .map(([id, state]) => `${id}:${state}`)
    .join(';');
}

/** The influxd process that served the scrape (`influxdb_uptime_seconds`), or null when it is not reported. */
export function instanceOf(families: ReadonlyMap<string, PromFamily>, scrapedAt: number): Instance | null {
  const sample = families.get('influxdb_uptime_seconds')?.samples[0];
  if (!sample || !Number.isFinite(sample.value)) return null;
  return { id: sample.labels.id ?? '', startedAt: Math.round(scrapedAt - sample.value * 1000) };
}

/** Whether two scrapes came from the same influxd process (start times agree within a minute). */
export function sameInstance(a: Instance | null, b: Instance | null): boolean {
  if (!a || !b) return false;
  return a.id === b.id && Math.abs(a.startedAt - b.startedAt) < 60_000;
}
