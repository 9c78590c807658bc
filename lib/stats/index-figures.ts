import type { BucketStats, MeasurementStats } from '../model/stats';

/**
 * The figures a bucket's storage index gives per measurement: series cardinality, tag keys and
 * field keys. influxdb.cardinality() reads every series of the bucket (13–25 s at a million
 * points), so a refresh that recounts one day must not wait for it: when the last read was slow,
 * the figures read then are carried forward, shown with the time they were read, while a new
 * read runs behind (read-stats.ts).
 */
export interface IndexFigures {
  series: ReadonlyMap<string, number>;
  tagKeys: ReadonlyMap<string, readonly string[]>;
  fieldKeys: ReadonlyMap<string, readonly string[]>;
  /** Per measurement, the tag sets summed over its slices when the index was read. */
  slicedTagSets: ReadonlyMap<string, number>;
  /** The counts' revision the index was read at: equal to the counts' now, the figures are current. */
  revision: number;
  readAt: number;
  ms: number;
}

/** An index read taking longer than this is no longer awaited by a refresh that recounted little. */
export const SLOW_INDEX_MS = 2_000;

/**
 * A measurement's series and distinct tag sets from the index and the sum of its slices' tag
 * sets. Summed over slices, a tag set with points in two slices counts twice; the index counts it
 * once (InfluxDB 2.x's series are tag sets: its index does not count field keys), so the smaller
 * is exact. From an index read at an earlier revision, the series grow (or shrink) by what the
 * slices' sum did since: exact when no tag set of the recounted slices also has points in another,
 * as with HomeIQ's date/week/month tags, and replaced by the next read either way.
 */
export function seriesFigures(index: IndexFigures, revision: number, measurement: string, slicedTagSets: number): { series: number; tagSets: number } {
  const read = index.series.get(measurement);
  if (read === undefined) return { series: 0, tagSets: slicedTagSets };
  const series = index.revision === revision ? read : Math.max(0, read + slicedTagSets - (index.slicedTagSets.get(measurement) ?? 0));
  return { series, tagSets: Math.min(slicedTagSets, series) };
}

/** Whether `index` covers every measurement in `present` (a new one needs a read of its own). */
export function covers(index: IndexFigures, present: readonly string[]): boolean {
  return present.every((m) => index.series.has(m));
}

/** `stats` with the figures of a newer index read: series, tag sets, tag keys and field keys. */
export function withIndex(stats: BucketStats, index: IndexFigures, revision: number, slicedTagSets: ReadonlyMap<string, number>): BucketStats {
  const patch = (m: MeasurementStats): MeasurementStats =>
    m.records === 0
      ? m
      : {
          ...m,
          ...seriesFigures(index, revision, m.name, slicedTagSets.get(m.name) ?? 0),
          tagKeys: (index.tagKeys.get(m.name) ?? []).filter((k) => !k.startsWith('_')).sort(),
          fieldKeys: [...(index.fieldKeys.get(m.name) ?? [])].sort(),
        };
  return { ...stats, measurements: stats.measurements.map(patch), unexpected: stats.unexpected.map(patch), seriesCountedAt: new Date(index.readAt).toISOString() };
}
