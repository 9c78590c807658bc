import 'server-only';
import type { Connection } from '../influx/client';
import type { BucketStats, MeasurementStats } from '../model/stats';
import type { BucketSpec } from '../spec/schema';
import type { RefreshedCounts } from './incremental';
import { mergeSlices } from './slice-counts';
import { edgeTimes, keysByMeasurement, seriesByMeasurement, type EdgeDays } from '../influx/index-reads';
import { withDetails, type Details } from './details';

export type { BucketStats, MeasurementStats };

export interface StatsBucket {
  name: string;
  retentionSeconds: number;
}

/** The measurements with records, in the spec's order then the others: what the details are read for. */
export function presentMeasurements(spec: BucketSpec | undefined, counted: RefreshedCounts): string[] {
  const { counts } = mergeSlices(counted.slices.map((s) => s.counts));
  const names = [...new Set([...(spec?.measurements ?? []).map((m) => m.name), ...counts.keys()])];
  return names.filter((n) => (counts.get(n)?.records ?? 0) > 0);
}

/** Per measurement, its tag sets summed over the slices (a tag set in two slices counts twice). */
export function slicedTagSets(counted: RefreshedCounts): Map<string, number> {
  return new Map([...mergeSlices(counted.slices.map((s) => s.counts)).counts].map(([m, c]) => [m, c.tagSets]));
}

/**
 * The details of `present`, in parallel: series cardinality, tag keys and field keys from the
 * storage index, and exact first and last record times, read on the first and last day the
 * counts found for each measurement (first()/last() over two days, not a second full scan).
 */
export async function readDetails(
  bucket: StatsBucket,
  present: readonly string[],
  counted: RefreshedCounts,
  conn: Connection,
  signal?: AbortSignal,
): Promise<Details> {
  const started = performance.now();
  const { perDay } = mergeSlices(counted.slices.map((s) => s.counts));
  const edges: EdgeDays[] = present.flatMap((n) => {
    const days = [...(perDay.get(n)?.keys() ?? [])].sort();
    const firstDay = days[0];
    const lastDay = days.at(-1);
    return firstDay && lastDay ? [{ measurement: n, firstDay, lastDay }] : [];
  });
  const [series, fieldKeys, tagKeys, edgeTime] = await Promise.all([
    seriesByMeasurement(bucket.name, present, conn, signal),
    keysByMeasurement('field', bucket.name, present, conn, signal),
    keysByMeasurement('tag', bucket.name, present, conn, signal),
    edgeTimes(bucket.name, edges, conn, signal),
  ]);
  const sliced = slicedTagSets(counted);
  return {
    series,
    fieldKeys,
    tagKeys,
    firstTime: edgeTime.first,
    lastTime: edgeTime.last,
    slicedTagSets: new Map(present.map((m) => [m, sliced.get(m) ?? 0])),
    revision: counted.revision,
    readAt: Date.now(),
    ms: Math.round(performance.now() - started),
  };
}

/**
 * Everything the Measurements screen shows for one bucket: the exact totals and records per
 * day from its counted slices (incremental.ts) and the details (`details`: read now, or an
 * earlier read carried forward, see details.ts). Reads nothing itself.
 */
export function bucketStats(bucket: StatsBucket, spec: BucketSpec | undefined, counted: RefreshedCounts, details: Details): BucketStats {
  const known = (spec?.measurements ?? []).map((m) => m.name);
  const { counts, perDay } = mergeSlices(counted.slices.map((s) => s.counts));
  const present = presentMeasurements(spec, counted);
  const share = spec ? Math.round(spec.estimatedRecords / spec.measurements.length) : null;
  const figuresOf = (name: string): MeasurementStats => ({
    name,
    detector: spec?.measurements.find((m) => m.name === name)?.detector ?? null,
    records: counts.get(name)?.records ?? 0,
    // Series, tag sets, keys and first/last times come from the details, below.
    series: 0,
    tagSets: 0,
    tagKeys: [],
    fieldKeys: [],
    firstTime: null,
    lastTime: null,
    perDay: [...(perDay.get(name) ?? new Map<string, number>())].sort(([a], [b]) => a.localeCompare(b)).map(([day, records]) => ({ day, records })),
    expectedRecords: spec?.measurements.some((m) => m.name === name) ? share : null,
  });
  const measurements = known.map(figuresOf);
  const unexpected = present.filter((n) => !known.includes(n)).map(figuresOf);
  const stats: BucketStats = {
    name: bucket.name,
    retentionSeconds: bucket.retentionSeconds,
    estimatedRecords: spec?.estimatedRecords ?? null,
    measurements,
    unexpected,
    records: [...measurements, ...unexpected].reduce((n, m) => n + m.records, 0),
    firstTime: null,
    lastTime: null,
    queryMs: 0,
    computedAt: new Date(counted.refreshedAt).toISOString(),
    countedSlices: counted.slices.length,
    recountedSlices: counted.recounted,
    detailsReadAt: new Date(details.readAt).toISOString(),
  };
  return withDetails(stats, details, counted.revision, slicedTagSets(counted));
}
