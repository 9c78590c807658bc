import type { MeasurementCount, SliceCounts, MeasurementSlice } from '../model/stats';
import type { FluxRow } from './query';

/** Raw Flux rows reshaped into the console's figures: only the gateway sees the rows. */

/**
 * Records (points) and tag sets per measurement from the count query's rows: one row per
 * measurement and time slice, summed. A series with points in several slices is counted in each
 * (bucket-stats.ts bounds the sum by the series cardinality).
 */
export function countsByMeasurement(rows: readonly FluxRow[]): Map<string, MeasurementCount> {
  const out = new Map<string, MeasurementCount>();
  for (const row of rows) {
    const m = String(row._measurement ?? '');
    const cur = out.get(m) ?? { records: 0, tagSets: 0 };
    out.set(m, { records: cur.records + Number(row.records ?? 0), tagSets: cur.tagSets + Number(row.tagSets ?? 0) });
  }
  return out;
}

/** Earliest (or latest) `_time` per measurement, across its fields. */
export function timeByMeasurement(rows: readonly FluxRow[], pick: 'min' | 'max'): Map<string, string> {
  const out = new Map<string, string>();
  for (const row of rows) {
    const m = String(row._measurement ?? '');
    const t = String(row._time ?? '');
    if (!t) continue;
    const cur = out.get(m);
    if (cur === undefined || (pick === 'min' ? Date.parse(t) < Date.parse(cur) : Date.parse(t) > Date.parse(cur))) out.set(m, t);
  }
  return out;
}

/** Records per UTC day per measurement. */
export function recordsPerDay(rows: readonly FluxRow[]): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const m = String(row._measurement ?? '');
    const t = String(row._time ?? '');
    if (!t) continue;
    const day = t.slice(0, 10);
    const days = out.get(m) ?? new Map<string, number>();
    days.set(day, Math.max(days.get(day) ?? 0, Number(row._value ?? 0)));
    out.set(m, days);
  }
  return out;
}

/** Values of a union query's rows, grouped by their `measurement` column. */
export function valuesByMeasurement(rows: readonly FluxRow[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const m = String(r.measurement ?? '');
    out.set(m, [...(out.get(m) ?? []), String(r._value)]);
  }
  return out;
}

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
