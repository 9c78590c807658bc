import 'server-only';
import { connection, type Connection } from '../influx/client';
import { queryRows } from '../influx/query';
import type { BucketStats, MeasurementStats } from '../model/stats';
import type { BucketSpec } from '../spec/schema';
import { timeByMeasurement, valuesByMeasurement } from './aggregate';
import type { RefreshedCounts } from './incremental';
import { mergeSlices } from './slice-counts';
import { cardinalityQuery, edgeTimesQuery, fieldKeysQuery, tagKeysQuery, type EdgeDays } from '../influx/queries/stats';

export type { BucketStats, MeasurementStats };

export interface StatsBucket {
  name: string;
  retentionSeconds: number;
}

/**
 * Everything the Measurements screen shows for one bucket: the exact totals and records per
 * day from its counted slices (incremental.ts), then small queries run in parallel for
 * cardinality, tag and field keys (the index) and exact first/last times (two days each).
 */
export async function bucketStats(bucket: StatsBucket, spec: BucketSpec | undefined, counted: RefreshedCounts, conn: Connection = connection()): Promise<BucketStats> {
  const started = performance.now();
  const known = (spec?.measurements ?? []).map((m) => m.name);
  const { counts, perDay } = mergeSlices(counted.slices.map((s) => s.counts));
  const names = [...new Set([...known, ...counts.keys()])];
  const present = names.filter((n) => (counts.get(n)?.records ?? 0) > 0);
  const edges: EdgeDays[] = present.flatMap((n) => {
    const days = [...(perDay.get(n)?.keys() ?? [])].sort();
    const firstDay = days[0];
    const lastDay = days.at(-1);
    return firstDay && lastDay ? [{ measurement: n, firstDay, lastDay }] : [];
  });
  // Then small queries: the index (cardinality, keys) and the first and last day of each measurement.
  const none = Promise.resolve([]);
  const [cardRows, fieldRows, tagRows, edgeRows] = await Promise.all([
    present.length ? queryRows(cardinalityQuery(bucket.name, present), conn) : none,
    present.length ? queryRows(fieldKeysQuery(bucket.name, present), conn) : none,
    present.length ? queryRows(tagKeysQuery(bucket.name, present), conn) : none,
    edges.length ? queryRows(edgeTimesQuery(bucket.name, edges), conn) : none,
  ]);
  const cardinality = new Map(cardRows.map((r) => [String(r.measurement), Number(r._value ?? 0)]));
  const fields = valuesByMeasurement(fieldRows);
  const tags = valuesByMeasurement(tagRows);
  const first = timeByMeasurement(edgeRows.filter((r) => r.edge === 'first'), 'min');
  const last = timeByMeasurement(edgeRows.filter((r) => r.edge === 'last'), 'max');
  const share = spec ? Math.round(spec.estimatedRecords / spec.measurements.length) : null;

  const stats = (name: string): MeasurementStats => ({
    name,
    detector: spec?.measurements.find((m) => m.name === name)?.detector ?? null,
    records: counts.get(name)?.records ?? 0,
    series: cardinality.get(name) ?? 0,
    // Summed over slices, a series with points in two slices counts twice; the index counts it once.
    tagSets: Math.min(counts.get(name)?.tagSets ?? 0, cardinality.get(name) ?? Number.POSITIVE_INFINITY),
    tagKeys: (tags.get(name) ?? []).filter((k) => !k.startsWith('_')).sort(),
    fieldKeys: [...(fields.get(name) ?? [])].sort(),
    firstTime: first.get(name) ?? null,
    lastTime: last.get(name) ?? null,
    perDay: [...(perDay.get(name) ?? new Map<string, number>())].sort(([a], [b]) => a.localeCompare(b)).map(([day, records]) => ({ day, records })),
    expectedRecords: spec?.measurements.some((m) => m.name === name) ? share : null,
  });
  const measurements = known.map(stats);
  const unexpected = present.filter((n) => !known.includes(n)).map(stats);
  const all = [...measurements, ...unexpected];
  const times = (pick: 'firstTime' | 'lastTime') => all.map((m) => m[pick]).filter((t): t is string => !!t).sort();
  return {
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
  };
}
