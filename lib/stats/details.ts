import type { BucketStats, MeasurementStats } from '../model/stats';

/**
 * The details of a bucket's measurements beyond their counts: series cardinality, tag keys and
 * field keys (the storage index) and exact first and last record times. influxdb.cardinality()
 * reads every series of the bucket (13–25 s at a million points) and the last times read every
 * series of the last day, so a refresh that recounted one day must not wait for them: when the
 * last read was slow, the details read then are carried forward, shown with the time they were
 * read, while a new read runs behind (read-stats.ts).
 */
export interface Details {
  series: ReadonlyMap<string, number>;
  tagKeys: ReadonlyMap<string, readonly string[]>;
  fieldKeys: ReadonlyMap<string, readonly string[]>;
  firstTime: ReadonlyMap<string, string>;
  lastTime: ReadonlyMap<string, string>;
  /** Per measurement, the tag sets summed over its slices when the index was read. */
  slicedTagSets: ReadonlyMap<string, number>;
  /** The counts' revision the index was read at: equal to the counts' now, the figures are current. */
  revision: number;
  readAt: number;
  ms: number;
}

/** A details read taking longer than this is not awaited by a refresh (but by a full recount). */
export const SLOW_DETAILS_MS = 2_000;

/**
 * A measurement's series and distinct tag sets from the index and the sum of its slices' tag
 * sets. Summed over slices, a tag set with points in two slices counts twice; the index counts it
 * once (InfluxDB 2.x's series are tag sets: its index does not count field keys), so the smaller
 * is exact. From an index read at an earlier revision, the series grow (or shrink) by what the
 * slices' sum did since: exact when no tag set of the recounted slices also has points in another,
 * as with HomeIQ's date/week/month tags, and replaced by the next read either way.
 */
export function seriesFigures(index: Details, revision: number, measurement: string, slicedTagSets: number): { series: number; tagSets: number } {
  const read = index.series.get(measurement);
  if (read === undefined) return { series: 0, tagSets: slicedTagSets };
  const series = index.revision === revision ? read : Math.max(0, read + slicedTagSets - (index.slicedTagSets.get(measurement) ?? 0));
  return { series, tagSets: Math.min(slicedTagSets, series) };
}

/** Whether `details` cover every measurement in `present` (a new one needs a read of its own). */
export function covers(details: Details, present: readonly string[]): boolean {
  return present.every((m) => details.series.has(m));
}

/** `stats` with the figures of a details read: series, tag sets, tag and field keys, first and last times. */
export function withDetails(stats: BucketStats, details: Details, revision: number, slicedTagSets: ReadonlyMap<string, number>): BucketStats {
  const patch = (m: MeasurementStats): MeasurementStats =>
    m.records === 0
      ? m
      : {
          ...m,
          ...seriesFigures(details, revision, m.name, slicedTagSets.get(m.name) ?? 0),
          tagKeys: (details.tagKeys.get(m.name) ?? []).filter((k) => !k.startsWith('_')).sort(),
          fieldKeys: [...(details.fieldKeys.get(m.name) ?? [])].sort(),
          firstTime: details.firstTime.get(m.name) ?? null,
          lastTime: details.lastTime.get(m.name) ?? null,
        };
  const measurements = stats.measurements.map(patch);
  const unexpected = stats.unexpected.map(patch);
  const times = (pick: 'firstTime' | 'lastTime') =>
    [...measurements, ...unexpected]
      .map((m) => m[pick])
      .filter((t): t is string => !!t)
      .sort();
  return {
    ...stats,
    measurements,
    unexpected,
    firstTime: times('firstTime')[0] ?? null,
    lastTime: times('lastTime').at(-1) ?? null,
    detailsReadAt: new Date(details.readAt).toISOString(),
  };
}

/** Details as JSON for console.db: a console restart carries them forward too. */
export function detailsToJson(d: Details): string {
  const entries = <T>(m: ReadonlyMap<string, T>) => [...m.entries()];
  return JSON.stringify({
    series: entries(d.series),
    tagKeys: entries(d.tagKeys),
    fieldKeys: entries(d.fieldKeys),
    firstTime: entries(d.firstTime),
    lastTime: entries(d.lastTime),
    slicedTagSets: entries(d.slicedTagSets),
    revision: d.revision,
    readAt: d.readAt,
    ms: d.ms,
  });
}

/** Details from `detailsToJson`, or null for anything else (an older or damaged row is read again). */
export function detailsFromJson(json: string | null): Details | null {
  if (!json) return null;
  try {
    const o = JSON.parse(json) as Record<string, unknown>;
    const map = <T>(v: unknown, ok: (x: unknown) => x is T): Map<string, T> | null =>
      Array.isArray(v) && v.every((e) => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string' && ok(e[1])) ? new Map(v as [string, T][]) : null;
    const num = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
    const str = (x: unknown): x is string => typeof x === 'string';
    const strs = (x: unknown): x is string[] => Array.isArray(x) && x.every(str);
    const series = map(o.series, num);
    const tagKeys = map(o.tagKeys, strs);
    const fieldKeys = map(o.fieldKeys, strs);
    const firstTime = map(o.firstTime, str);
    const lastTime = map(o.lastTime, str);
    const slicedTagSets = map(o.slicedTagSets, num);
    if (!series || !tagKeys || !fieldKeys || !firstTime || !lastTime || !slicedTagSets || !num(o.revision) || !num(o.readAt) || !num(o.ms)) return null;
    return { series, tagKeys, fieldKeys, firstTime, lastTime, slicedTagSets, revision: o.revision, readAt: o.readAt, ms: o.ms };
  } catch {
    return null;
  }
}
