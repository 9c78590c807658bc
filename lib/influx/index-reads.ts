import 'server-only';
import type { SliceCounts } from '../model/stats';
import type { Connection } from './client';
import { queryRows } from './query';
import { PROBE_MEASUREMENT } from './queries/probe';
import {
  cardinalityQuery,
  dayTotalsQuery,
  edgeTimesQuery,
  fieldKeysQuery,
  measurementsQuery,
  schemaQuery,
  sliceSeriesQuery,
  statsQuery,
  tagKeysQuery,
  type EdgeDays,
  type TimeRange,
} from './queries/stats';
import { sliceCountsOf, timeByMeasurement, valuesByMeasurement } from './rows';

/**
 * What a bucket holds, as the console's figures: the storage index (measurements, keys, series)
 * and the counts read with Flux. The query text and the rows stay in lib/influx.
 */
export type { EdgeDays, TimeRange };
export { PROBE_MEASUREMENT };

/** The measurements of a bucket (over all time) by the storage index, the console's probe left out. */
export async function measurementNames(bucket: string, conn: Connection, signal?: AbortSignal): Promise<string[]> {
  const rows = await queryRows(measurementsQuery(bucket), conn, signal);
  return rows.map((r) => String(r._value)).filter((m) => m !== PROBE_MEASUREMENT);
}

/** Tag keys every series has, which are Flux's own columns rather than the writer's tags. */
const BUILTIN_TAGS = new Set(['_measurement', '_field', '_start', '_stop']);

/** The tag keys (the writer's) and field keys of one measurement, by the storage index. */
export async function measurementSchema(bucket: string, measurement: string, conn: Connection): Promise<{ tags: string[]; fields: string[] }> {
  const q = schemaQuery(bucket, measurement);
  const [tagRows, fieldRows] = await Promise.all([queryRows(q.tags, conn), queryRows(q.fields, conn)]);
  return { tags: tagRows.map((r) => String(r._value)).filter((t) => !BUILTIN_TAGS.has(t)), fields: fieldRows.map((r) => String(r._value)) };
}

/** Series per measurement by the index, in `range` (default: all time). */
export async function seriesByMeasurement(
  bucket: string,
  measurements: readonly string[],
  conn: Connection,
  signal?: AbortSignal,
  range?: TimeRange,
): Promise<Map<string, number>> {
  if (measurements.length === 0) return new Map();
  const rows = await queryRows(cardinalityQuery(bucket, measurements, range), conn, signal);
  return new Map(rows.map((r) => [String(r.measurement), Number(r._value ?? 0)]));
}

/** Field keys (or tag keys) per measurement, by the index, in one query. */
export async function keysByMeasurement(
  kind: 'field' | 'tag',
  bucket: string,
  measurements: readonly string[],
  conn: Connection,
  signal?: AbortSignal,
): Promise<Map<string, string[]>> {
  if (measurements.length === 0) return new Map();
  return valuesByMeasurement(await queryRows((kind === 'field' ? fieldKeysQuery : tagKeysQuery)(bucket, measurements), conn, signal));
}

/** The exact first and last record time of each measurement, read on its first and last day only. */
export async function edgeTimes(
  bucket: string,
  edges: readonly EdgeDays[],
  conn: Connection,
  signal?: AbortSignal,
): Promise<{ first: Map<string, string>; last: Map<string, string> }> {
  const rows = edges.length ? await queryRows(edgeTimesQuery(bucket, edges), conn, signal) : [];
  return {
    first: timeByMeasurement(
      rows.filter((r) => r.edge === 'first'),
      'min',
    ),
    last: timeByMeasurement(
      rows.filter((r) => r.edge === 'last'),
      'max',
    ),
  };
}

/** The series count of each slice by the index (whole shard groups: no data read), in the slices' order. */
export async function seriesPerSlice(bucket: string, slices: readonly TimeRange[], conn: Connection, signal?: AbortSignal): Promise<number[]> {
  const out = slices.map(() => 0);
  if (slices.length === 0) return out;
  for (const r of await queryRows(sliceSeriesQuery(bucket, slices), conn, signal)) {
    const i = Number(r.slice);
    if (i >= 0 && i < out.length) out[i] = Number(r._value ?? 0);
  }
  return out;
}

/**
 * A slice's counts read with Flux: the timestamps of every field, one row per point. A slice of the
 * one UTC `day` is its own per-day figure: only its totals are read.
 */
export async function fluxSliceCounts(bucket: string, slice: TimeRange, day: string | null, conn: Connection, signal?: AbortSignal): Promise<SliceCounts> {
  return sliceCountsOf(await queryRows(day ? dayTotalsQuery(bucket, slice) : statsQuery(bucket, slice), conn, signal), day ?? undefined);
}
