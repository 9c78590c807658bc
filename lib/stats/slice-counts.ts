import type { FluxRow } from '../influx/query';
import type { MeasurementCount } from './aggregate';

/** What one slice holds, per measurement: points, tag sets and points per UTC day. */
export interface MeasurementSlice extends MeasurementCount {
  perDay: Record<string, number>;
  /**
   * Its series by the UTC day of their first point in the slice (they add up to tagSets): a
   * series is dated by its points, not by the slice's start. Absent in counts stored before it.
   */
  firstPerDay?: Record<string, number>;
  /** In a slice longer than a day: its series with a point on `day` (today), by the index, when counted (append.ts). */
  daySeries?: { day: string; series: number };
}
export type SliceCounts = Record<string, MeasurementSlice>;

/**
 * A slice's counts from the rows of statsQuery (its `totals` and `perday` results), or from the
 * `totals` of dayTotalsQuery for a slice of the one UTC `day`, whose per-day figure is its total
 * (and every series of which first appears that day).
 */
export function sliceCountsOf(rows: readonly FluxRow[], day?: string): SliceCounts {
  const out: SliceCounts = {};
  const entry = (m: string): MeasurementSlice => (out[m] ??= { records: 0, tagSets: 0, perDay: {} });
  for (const row of rows) {
    const m = String(row._measurement ?? '');
    if (row.result === 'totals') {
      const e = entry(m);
      e.records += Number(row.records ?? 0);
      e.tagSets += Number(row.tagSets ?? 0);
    } else if (row.result === 'perday') {
      const day = String(row._time ?? '').slice(0, 10);
      if (!day) continue;
      const e = entry(m);
      // aggregateWindow gives one row per day; the same day twice would be the same figure.
      e.perDay[day] = Math.max(e.perDay[day] ?? 0, Number(row._value ?? 0));
    } else if (row.result === 'firstperday') {
      const day = String(row._time ?? '').slice(0, 10);
      if (!day) continue;
      const e = entry(m);
      e.firstPerDay = { ...e.firstPerDay, [day]: Math.max(e.firstPerDay?.[day] ?? 0, Number(row._value ?? 0)) };
    }
  }
  if (day) {
    for (const e of Object.values(out)) {
      e.perDay = e.records > 0 ? { [day]: e.records } : {};
      e.firstPerDay = e.tagSets > 0 ? { [day]: e.tagSets } : {};
    }
  }
  return out;
}

export interface MergedCounts {
  counts: Map<string, MeasurementCount>;
  perDay: Map<string, Map<string, number>>;
}

/**
 * The bucket's figures from its slices. Records add up exactly (a point lies in one slice);
 * tag sets add up to more than the distinct series when a series has points in two slices,
 * which bucket-stats.ts bounds by the index's cardinality.
 */
export function mergeSlices(slices: readonly SliceCounts[]): MergedCounts {
  const counts = new Map<string, MeasurementCount>();
  const perDay = new Map<string, Map<string, number>>();
  for (const slice of slices) {
    for (const [m, c] of Object.entries(slice)) {
      if (c.records === 0) continue;
      const cur = counts.get(m) ?? { records: 0, tagSets: 0 };
      counts.set(m, { records: cur.records + c.records, tagSets: cur.tagSets + c.tagSets });
      const days = perDay.get(m) ?? new Map<string, number>();
      for (const [day, n] of Object.entries(c.perDay)) days.set(day, (days.get(day) ?? 0) + n);
      perDay.set(m, days);
    }
  }
  return { counts, perDay };
}
