/**
 * The time slices a bucket is counted in. Counting points merges every field of every series in
 * InfluxDB's query memory, so one query over all the data needs memory in proportion to it
 * (measured: +150 MB at HomeIQ scale, several GB at a million points). Slices aligned to the
 * bucket's shard groups (at least a day) keep each query small; two open-ended slices catch
 * points older than the retention window (not yet expired) and points stamped in the future.
 */
export interface Slice {
  start: string;
  stop: string;
}

const DAY_S = 86_400;
export const FIRST = '1970-01-01T00:00:00Z';
export const LAST = '2262-04-11T00:00:00Z';

/**
 * InfluxDB starts a shard group at `time.Truncate(duration)`, which Go counts from its zero time
 * (0001-01-01, a Monday), not from the Unix epoch: a 7-day group starts on a Monday. Slices
 * are aligned the same way so each one covers whole shard groups.
 */
const GO_ZERO_TO_EPOCH_S = 62_135_596_800;

/** A slice bound: RFC 3339 UTC without milliseconds. */
export const iso = (seconds: number) => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');

/** `t` rounded down to a shard-group boundary of `width` seconds. */
export function shardGroupStart(t: number, width: number): number {
  return Math.floor((t + GO_ZERO_TO_EPOCH_S) / width) * width - GO_ZERO_TO_EPOCH_S;
}

/** Null for infinite retention: nothing bounds the data, so it is counted in one query. */
export function countSlices(bucket: { retentionSeconds: number; shardGroupDurationSeconds?: number }, nowMs: number = Date.now()): Slice[] | null {
  if (bucket.retentionSeconds <= 0) return null;
  const width = Math.max(1, Math.round((bucket.shardGroupDurationSeconds || DAY_S) / DAY_S)) * DAY_S;
  const now = Math.floor(nowMs / 1000);
  const from = shardGroupStart(now - bucket.retentionSeconds, width) - width;
  const to = shardGroupStart(now, width) + 2 * width;
  const slices: Slice[] = [{ start: FIRST, stop: iso(from) }];
  for (let t = from; t < to; t += width) slices.push({ start: iso(t), stop: iso(t + width) });
  slices.push({ start: iso(to), stop: LAST });
  return slices;
}

/** A slice's identity in console.db. */
export const sliceKey = (s: Slice): string => `${s.start}/${s.stop}`;

/** The UTC day (YYYY-MM-DD) a slice covers when it is exactly one, else null. */
export function utcDayOf(slice: Slice): string | null {
  if (slice.start === FIRST || slice.stop === LAST) return null;
  const start = Date.parse(slice.start);
  return start % (DAY_S * 1000) === 0 && Date.parse(slice.stop) - start === DAY_S * 1000 ? slice.start.slice(0, 10) : null;
}

/** The slices that hold `nowMs`: where the writes of the day land. */
export function currentSlices(slices: readonly Slice[], nowMs: number = Date.now()): Slice[] {
  return slices.filter((s) => Date.parse(s.start) <= nowMs && nowMs < Date.parse(s.stop));
}
