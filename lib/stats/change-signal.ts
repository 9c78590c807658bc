import type { PromFamily } from '../influx/prometheus';

/**
 * What InfluxDB's /metrics says about a bucket's data, reduced to a string that changes when
 * the data may have changed: its shards (a retention expiry drops one, a new day's write may add
 * one), and per shard the points written and the series it holds. The counters start again at
 * zero when influxd restarts, which changes the string too.
 *
 * Not covered: a delete with a predicate (`influx delete`) changes none of these reliably, so the
 * counts are also recounted on a schedule (see read-stats.ts) and on demand (`stats --fresh`).
 */
const SIGNALS = ['storage_shard_write_sum', 'storage_shard_write_count', 'storage_shard_series'] as const;

export function bucketSignature(families: ReadonlyMap<string, PromFamily>, bucketId: string): string {
  const shards = new Map<string, string[]>();
  for (const name of SIGNALS) {
    for (const s of families.get(name)?.samples ?? []) {
      if (s.labels.bucket !== bucketId || s.name !== name) continue;
      const id = s.labels.id ?? '?';
      shards.set(id, [...(shards.get(id) ?? []), `${name.slice(14)}=${s.value}`]);
    }
  }
  return [...shards].sort(([a], [b]) => a.localeCompare(b)).map(([id, values]) => `${id}:${values.sort().join(',')}`).join(';');
}
