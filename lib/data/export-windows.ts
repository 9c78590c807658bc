import { countSlices, type Slice } from '../stats/slices';
import { rfc3339ToNs } from '../model/line-protocol';

/**
 * The time windows an export reads, one query each, in time order: the selection cut at the
 * bucket's shard-group boundaries that fall inside it (the count's slices, lib/stats/slices.ts).
 * A query over one shard group costs InfluxDB in proportion to its series; one query over
 * many shard groups costs more than their sum (measured at 1M points: 229 s for the whole daily
 * bucket at once, ~50 s shard group by shard group). Infinite retention has no slices: one window.
 */
export function exportWindows(
  bucket: { retentionSeconds: number; shardGroupDurationSeconds?: number },
  start: string,
  stop: string,
  nowMs: number = Date.now(),
): Slice[] {
  const slices = countSlices(bucket, nowMs);
  if (!slices) return [{ start, stop }];
  const from = BigInt(rfc3339ToNs(start));
  const to = BigInt(rfc3339ToNs(stop));
  // Cut at the boundaries inside the selection only: it may start before 1970, where the slices begin.
  const cuts = slices
    .slice(1)
    .map((s) => s.start)
    .filter((c) => {
      const at = BigInt(rfc3339ToNs(c));
      return from < at && at < to;
    });
  const bounds = [start, ...cuts, stop];
  return bounds.slice(1).map((b, i) => ({ start: bounds[i] ?? start, stop: b }));
}
