import type { ShardState } from './change-signal';
import type { SliceCounts } from './slice-counts';

/**
 * A slice brought up to date without reading its data again, when its one shard was only
 * appended to. HomeIQ writes each day's aggregates as new series (its date/week/month tags), so
 * a refresh after a day of writes would otherwise read every point of the current shard group:
 * at a million points, 10 to 35 s for two slices. What proves an append, exactly:
 *
 * - influxd counts the points written to each shard (`written`, from /metrics); each written point
 *   adds at most one record and at most one series to its slice.
 * - A one-day slice: the series per measurement now (the storage index, which reads no data for
 *   a range covering whole shards) minus the tag sets counted before add up to the points written.
 *   Then every written point is a new series of one point: each measurement's records grow by
 *   its new series, on the slice's one day.
 * - A longer slice (a 7-day shard group, where HomeIQ stamps points with the time of the write):
 *   the same, and each measurement's series with a point today (the index again: it checks each
 *   series for data in a range within a shard, without reading values) grew by its new series.
 *   Then every written point is a new series of one point, today. Without today's series from the
 *   last count, today's records are counted (`dayCounts`): when they grew by the points written,
 *   every written point is a new record of today, and the other days are as counted.
 *
 * Either holds only if the index agreed with the counted data when the slice was counted (its
 * series equal the tag sets counted) and agrees now. Anything else (an overwrite, a write into
 * another day, a point refused (its series can stay in the index without a point: influxd
 * counts it as dropped or failed), a new measurement, a delete that rewrote the shard's files)
 * breaks the equality or a precondition, and the slice is counted again whole. Not seen: a delete
 * of points still in the cache, by another tool, in the same shard and between the same two
 * refreshes as a write that makes up for it exactly; the daily reconciliation finds it.
 */
export interface AppendInput {
  /** The slice's span in whole UTC days; `day` is one of them (today, where writes land). */
  days: number;
  day: string;
  /** The counts stored for the slice and its series count by the index when they were taken. */
  counted: SliceCounts;
  countedSeries: number;
  /** The state of the slice's one shard when the counts were taken, and now. */
  before: ShardState | undefined;
  now: ShardState;
  /** Series per measurement in the slice by the index now, and their total over every measurement. */
  series: Readonly<Record<string, number>>;
  seriesTotal: number;
  /** For a slice longer than a day: series per measurement with a point on `day`, by the index, now. */
  daySeries?: Readonly<Record<string, number>>;
  /** For a slice longer than a day: `day` counted now (when `daySeries` alone does not prove it). */
  dayCounts?: SliceCounts | undefined;
}

const sum = (xs: Iterable<number>) => [...xs].reduce((a, b) => a + b, 0);

/**
 * The series by day of first point after `added` new series, all from points written on `day`
 * (every appended point is today's). Counts stored without the figure stay without it.
 */
function firstDays(c: SliceCounts[string], day: string, added: number): Pick<SliceCounts[string], 'firstPerDay'> {
  if (!c.firstPerDay && c.tagSets > 0) return {};
  const firstPerDay = { ...c.firstPerDay };
  if (added > 0) firstPerDay[day] = (firstPerDay[day] ?? 0) + added;
  return { firstPerDay };
}

export function appendedCounts(input: AppendInput): SliceCounts | null {
  const { counted, before, now } = input;
  const tagSets = (c: SliceCounts) => sum(Object.values(c).map((m) => m.tagSets));
  if (input.countedSeries !== tagSets(counted) || input.seriesTotal !== sum(Object.values(input.series))) return null;
  const written = now.written - (before?.written ?? 0);
  if (written < 0) return null;
  // Points refused: the index may hold their series without a point.
  if ((now.dropped ?? 0) !== (before?.dropped ?? 0) || (now.failed ?? 0) !== (before?.failed ?? 0)) return null;
  // influxd rewrote a file without merging files: a delete of points on disk.
  if (before?.tsm !== undefined && now.tsm !== undefined && before.files !== undefined && now.files === before.files && now.tsm < before.tsm) return null;
  const names = new Set([...Object.keys(counted), ...Object.keys(input.series)]);
  const grown = new Map([...names].map((m) => [m, (input.series[m] ?? 0) - (counted[m]?.tagSets ?? 0)]));
  if ([...grown.values()].some((n) => n < 0)) return null;
  const out: SliceCounts = {};
  if (input.days === 1) {
    if (sum(grown.values()) !== written) return null;
    for (const m of names) {
      const c = counted[m] ?? { records: 0, tagSets: 0, perDay: {} };
      const added = grown.get(m) ?? 0;
      const perDay = { ...c.perDay };
      if (added > 0) perDay[input.day] = (perDay[input.day] ?? 0) + added;
      out[m] = { records: c.records + added, tagSets: input.series[m] ?? 0, perDay, ...firstDays(c, input.day, added) };
    }
    return out;
  }
  const daySeries = (m: string) => (input.daySeries ? { day: input.day, series: input.daySeries[m] ?? 0 } : undefined);
  const withDay = (c: SliceCounts[string], m: string): SliceCounts[string] => {
    const d = daySeries(m);
    const out_ = { ...c };
    delete out_.daySeries;
    return d ? { ...out_, daySeries: d } : out_;
  };
  const knownToday = input.daySeries && [...names].every((m) => counted[m]?.daySeries?.day === input.day);
  if (
    knownToday &&
    sum(grown.values()) === written &&
    [...names].every((m) => (input.daySeries?.[m] ?? 0) - (counted[m]?.daySeries?.series ?? 0) === grown.get(m))
  ) {
    for (const m of names) {
      const c = counted[m] ?? { records: 0, tagSets: 0, perDay: {} };
      const added = grown.get(m) ?? 0;
      const perDay = { ...c.perDay };
      if (added > 0) perDay[input.day] = (perDay[input.day] ?? 0) + added;
      out[m] = withDay({ ...c, records: c.records + added, tagSets: input.series[m] ?? 0, perDay, ...firstDays(c, input.day, added) }, m);
    }
    return out;
  }
  const today = input.dayCounts;
  if (!today) return null;
  const dayNames = new Set([...names, ...Object.keys(today)]);
  if ([...dayNames].some((m) => !names.has(m))) return null;
  const before_ = (m: string) => counted[m]?.perDay[input.day] ?? 0;
  const after = (m: string) => today[m]?.perDay[input.day] ?? 0;
  if ([...names].some((m) => after(m) < before_(m)) || sum([...names].map((m) => after(m) - before_(m))) !== written) return null;
  for (const m of names) {
    const c = counted[m] ?? { records: 0, tagSets: 0, perDay: {} };
    const perDay = { ...c.perDay };
    if (after(m) > 0) perDay[input.day] = after(m);
    else delete perDay[input.day];
    out[m] = withDay(
      { ...c, records: c.records - before_(m) + after(m), tagSets: input.series[m] ?? 0, perDay, ...firstDays(c, input.day, grown.get(m) ?? 0) },
      m,
    );
  }
  return out;
}
