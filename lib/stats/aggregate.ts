import type { FluxRow } from '../influx/query';

/** Columns of a Flux row that are not tags. */
const NON_TAG = new Set(['result', 'table', '_start', '_stop', '_time', '_value', '_field', '_measurement']);

/** The tag set of a series row, as a stable key (`k=v,k=v`, keys sorted). */
export function tagSetKey(row: FluxRow): string {
  return Object.keys(row)
    .filter((k) => !NON_TAG.has(k))
    .sort()
    .map((k) => `${k}=${String(row[k] ?? '')}`)
    .join(',');
}

export function tagKeys(row: FluxRow): string[] {
  return Object.keys(row)
    .filter((k) => !NON_TAG.has(k))
    .sort();
}

export interface MeasurementCount {
  records: number;
  tagSets: number;
}

/**
 * Records and tag sets per measurement from per-series `count()` rows. A record is a point:
 * each tag set counts the largest field count it has (for spec measurements only the
 * count field was queried, so that is its count exactly).
 */
export function countsByMeasurement(rows: readonly FluxRow[]): Map<string, MeasurementCount> {
  const perSeries = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const m = String(row._measurement ?? '');
    const key = tagSetKey(row);
    const value = Number(row._value ?? 0);
    const series = perSeries.get(m) ?? new Map<string, number>();
    series.set(key, Math.max(series.get(key) ?? 0, value));
    perSeries.set(m, series);
  }
  const out = new Map<string, MeasurementCount>();
  for (const [m, series] of perSeries) {
    let records = 0;
    for (const n of series.values()) records += n;
    out.set(m, { records, tagSets: series.size });
  }
  return out;
}

/** Earliest (or latest) `_time` per measurement from per-series first()/last() rows. */
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

/** Records per UTC day per measurement from aggregateWindow(every: 1d, fn: count) rows. */
export function recordsPerDay(rows: readonly FluxRow[]): Map<string, Map<string, number>> {
  // aggregateWindow stamps each window with its stop; the day is the window's start.
  const perSeriesDay = new Map<string, number>();
  for (const row of rows) {
    const m = String(row._measurement ?? '');
    const stop = Date.parse(String(row._time ?? ''));
    if (Number.isNaN(stop)) continue;
    const day = new Date(stop - 1).toISOString().slice(0, 10);
    const key = `${m}\u0000${tagSetKey(row)}\u0000${day}`;
    perSeriesDay.set(key, Math.max(perSeriesDay.get(key) ?? 0, Number(row._value ?? 0)));
  }
  const out = new Map<string, Map<string, number>>();
  for (const [key, n] of perSeriesDay) {
    const [m = '', , day = ''] = key.split('\u0000');
    const days = out.get(m) ?? new Map<string, number>();
    days.set(day, (days.get(day) ?? 0) + n);
    out.set(m, days);
  }
  return out;
}
