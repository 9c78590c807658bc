import 'server-only';
import { connection, type Connection } from '../influx/client';
import { queryRows } from '../influx/query';
import type { BucketStats, MeasurementStats } from '../model/stats';
import type { BucketSpec } from '../spec/schema';
import { timeByMeasurement, valuesByMeasurement } from './aggregate';
import type { RefreshedCounts } from './incremental';
import { mergeSlices } from './slice-counts';
import { cardinalityQuery, edgeTimesQuery, fieldKeysQuery, tagKeysQuery, type EdgeDays } from '../influx/queries/stats';
import { withIndex, type IndexFigures } from './index-figures';

export type { BucketStats, MeasurementStats };

export interface StatsBucket {
  name: string;
  retentionSeconds: number;
}

/** The measurements with records, in the spec's order then the others: what the index is read for. */
export function presentMeasurements(spec: BucketSpec | undefined, counted: RefreshedCounts): string[] {
  const { counts } = mergeSlices(counted.slices.map((s) => s.counts));
  const names = [...new Set([...(spec?.measurements ?? []).map((m) => m.name), ...counts.keys()])];
  return names.filter((n) => (counts.get(n)?.records ?? 0) > 0);
}

/** Per measurement, its tag sets summed over the slices (a tag set in two slices counts twice). */
export function slicedTagSets(counted: RefreshedCounts): Map<string, number> {
  return new Map([...mergeSlices(counted.slices.map((s) => s.counts)).counts].map(([m, c]) => [m, c.tagSets]));
}

/** Series cardinality, tag keys and field keys of `present`, from the storage index, in parallel. */
export async function readIndex(bucket: StatsBucket, present: readonly string[], counted: RefreshedCounts, conn: Connection = connection()): Promise<IndexFigures> {
  const started = performance.now();
  const none = Promise.resolve([]);
  const [cardRows, fieldRows, tagRows] = await Promise.all([
    present.length ? queryRows(cardinalityQuery(bucket.name, present), conn) : none,
    present.length ? queryRows(fieldKeysQuery(bucket.name, present), conn) : none,
    present.length ? queryRows(tagKeysQuery(bucket.name, present), conn) : none,
  ]);
  const sliced = slicedTagSets(counted);
  return {
    series: new Map(cardRows.map((r) => [String(r.measurement), Number(r._value ?? 0)])),
    fieldKeys: valuesByMeasurement(fieldRows),
    tagKeys: valuesByMeasurement(tagRows),
    slicedTagSets: new Map(present.map((m) => [m, sliced.get(m) ?? 0])),
    revision: counted.revision,
    readAt: Date.now(),
    ms: Math.round(performance.now() - started),
  };
}

/**
 * Everything the Measurements screen shows for one bucket: the exact totals and records per
 * day from its counted slices (incremental.ts), the index figures (`index`: read now, or an
 * earlier read carried forward, see index-figures.ts) and exact first/last times (two days each).
 */
export async function bucketStats(bucket: StatsBucket, spec: BucketSpec | undefined, counted: RefreshedCounts, index: IndexFigures | Promise<IndexFigures>, conn: Connection = connection()): Promise<BucketStats> {
  const started = performance.now();
  const known = (spec?.measurements ?? []).map((m) => m.name);
  const { counts, perDay } = mergeSlices(counted.slices.map((s) => s.counts));
  const present = presentMeasurements(spec, counted);
  const edges: EdgeDays[] = present.flatMap((n) => {
    const days = [...(perDay.get(n)?.keys() ?? [])].sort();
    const firstDay = days[0];
    const lastDay = days.at(-1);
    return firstDay && lastDay ? [{ measurement: n, firstDay, lastDay }] : [];
  });
  const [figures, edgeRows] = await Promise.all([index, edges.length ? queryRows(edgeTimesQuery(bucket.name, edges), conn) : Promise.resolve([])]);
  const first = timeByMeasurement(edgeRows.filter((r) => r.edge === 'first'), 'min');
  const last = timeByMeasurement(edgeRows.filter((r) => r.edge === 'last'), 'max');
  const share = spec ? Math.round(spec.estimatedRecords / spec.measurements.length) : null;

  const figuresOf = (name: string): MeasurementStats => ({
    name,
    detector: spec?.measurements.find((m) => m.name === name)?.detector ?? null,
    records: counts.get(name)?.records ?? 0,
    // Series, tag sets and keys come from the index, below.
    series: 0,
    tagSets: 0,
    tagKeys: [],
    fieldKeys: [],
    firstTime: first.get(name) ?? null,
    lastTime: last.get(name) ?? null,
    perDay: [...(perDay.get(name) ?? new Map<string, number>())].sort(([a], [b]) => a.localeCompare(b)).map(([day, records]) => ({ day, records })),
    expectedRecords: spec?.measurements.some((m) => m.name === name) ? share : null,
  });
  const measurements = known.map(figuresOf);
  const unexpected = present.filter((n) => !known.includes(n)).map(figuresOf);
  const all = [...measurements, ...unexpected];
  const times = (pick: 'firstTime' | 'lastTime') => all.map((m) => m[pick]).filter((t): t is string => !!t).sort();
  const stats: BucketStats = {
    name: bucket.name,
    retentionSeconds: bucket.retentionSeconds,
    estimatedRecords: spec?.estimatedRecords ?? null,
    measurements,
    unexpected,
    records: all.reduce((n, m) => n + m.records, 0),
    firstTime: times('firstTime')[0] ?? null,
    lastTime: times('lastTime').at(-1) ?? null,
    queryMs: Math.round(performance.now() - started),
    computedAt: new Date(counted.refreshedAt).toISOString(),
    countedSlices: counted.slices.length,
    recountedSlices: counted.recounted,
    seriesCountedAt: new Date(figures.readAt).toISOString(),
  };
  return withIndex(stats, figures, counted.revision, slicedTagSets(counted));
}
