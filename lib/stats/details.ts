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
  const times = (pick: 'firstTime' | 'lastTime') => [...measurements, ...unexpected].map((m) => m[pick]).filter((t): t is string => !!t).sort();
  return { ...stats, measurements, unexpected, firstTime: times('firstTime')[0] ?? null, lastTime: times('lastTime').at(-1) ?? null, detailsReadAt: new Date(details.readAt).toISOString() };
}
