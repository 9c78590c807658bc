import { flux, fluxExpression, type FluxParameterLike } from '@influxdata/influxdb-client';
import { PROBE_MEASUREMENT } from './probe';

/**
 * Flux for the stats, with every name escaped by the client's `flux` tag.
 *
 * A record is a point: one distinct (series, timestamp) pair, whichever fields it carries.
 * InfluxDB stores each field of a point as a series of its own, so counting one field misses
 * the points written without it (HomeIQ's writer drops fields whose value is None or NaN),
 * and counting every field counts a point once per field. The exact count reads the timestamps
 * of every field (ONE_ROW_PER_POINT); a point written twice at the same series and time is one
 * row, as InfluxDB keeps one point. Reading every field costs several times a pushed-down count
 * of one field per slice. The slices' points are read with InfluxQL where it reads the bucket
 * exactly (lib/stats/read-slice.ts, over ten times faster); these queries are the way without it.
 */

/**
 * Field rows in, one row per point out (no `_value`, no `_field`). drop() takes `_field` out of
 * the group key, and Flux's drop appends every table whose key becomes the same into one table
 * (schemaMutationTransformation's builder cache, Flux v0.196 in influxd 2.7 and 2.8): the fields
 * of a series, whatever their types, land in one table, and unique() leaves one row per time.
 * An explicit group() would do the same merge again at the cost of a third of the count.
 */
export const ONE_ROW_PER_POINT = `drop(columns: ["_value", "_field"])
  |> unique(column: "_time")`;

/** Everything a bucket can hold: InfluxDB's time range limits. */
export const ALL_TIME = fluxExpression('start: 1970-01-01T00:00:00Z, stop: 2262-04-11T00:00:00Z');

export interface TimeRange {
  start: string;
  stop: string;
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** `start: …, stop: …` for range(), from RFC 3339 UTC times (anything else is refused, not quoted). */
export function rangeOf(range: TimeRange | undefined): FluxParameterLike {
  if (!range) return ALL_TIME;
  if (!RFC3339.test(range.start) || !RFC3339.test(range.stop)) throw new RangeError(`not an RFC 3339 UTC range: ${range.start} – ${range.stop}`);
  return fluxExpression(`start: ${range.start}, stop: ${range.stop}`);
}

/** One row per point (series and time) of every measurement but the probe, with a `_value` to count. */
function points(bucket: string, range?: TimeRange): string {
  return `${flux`from(bucket: ${bucket})
  |> range(${rangeOf(range)})
  |> filter(fn: (r) => r._measurement != ${PROBE_MEASUREMENT})`.toString()}
  |> ${ONE_ROW_PER_POINT}
  |> set(key: "_value", value: "p")`;
}

const PER_MEASUREMENT = `group(columns: ["_measurement"])
  |> reduce(fn: (r, accumulator) => ({records: accumulator.records + r._value, tagSets: accumulator.tagSets + 1}), identity: {records: 0, tagSets: 0})`;

/** Records (points) and tag sets (series with a point) per measurement, in `range` (default: all time). */
export function countQuery(bucket: string, range?: TimeRange): string {
  return `${points(bucket, range)}
  |> count()
  |> ${PER_MEASUREMENT}`;
}

export interface EdgeDays {
  measurement: string;
  firstDay: string;
  lastDay: string;
}

function dayRange(day: string): FluxParameterLike {
  const start = Date.parse(`${day}T00:00:00Z`);
  return fluxExpression(`start: ${new Date(start).toISOString()}, stop: ${new Date(start + 86_400_000).toISOString()}`);
}

/**
 * Exact first and last record times, once the per-day counts have found the first and last
 * day of each measurement: first()/last() over those days only, so a million series cost
 * no second full scan.
 */
export function edgeTimesQuery(bucket: string, edges: readonly EdgeDays[]): string {
  if (edges.length === 0) return '';
  const tables = edges.flatMap((e) => {
    // Every field: the first point may lack any one of them.
    const pick = (day: string, which: 'first' | 'last') =>
      `${flux`from(bucket: ${bucket})`.toString()} |> range(${dayRange(day).toString()}) |> filter(fn: (r) => ${flux`r._measurement == ${e.measurement}`.toString()}) |> ${which}() |> keep(columns: ["_measurement", "_time"]) |> group(columns: ["_measurement"]) |> ${which === 'first' ? 'min' : 'max'}(column: "_time") |> set(key: "edge", value: "${which}")`;
    return [pick(e.firstDay, 'first'), pick(e.lastDay, 'last')];
  });
  return `union(tables: [\n  ${tables.join(',\n  ')},\n])`;
}

/**
 * Totals and records per UTC day in one read of `range` (Flux runs the shared source once).
 * Yields `totals` (records and tag sets per measurement: points per series, then summed) and
 * `perday` (records per measurement and day: the points of a measurement in one table first,
 * so the days are windowed once per measurement, not once per series) and `firstperday` (series
 * per measurement by the day of their first point in the range: the earliest row of each series).
 */
export function statsQuery(bucket: string, range?: TimeRange): string {
  return `data = ${points(bucket, range).replace(/\n/g, '\n  ')}

data
  |> count()
  |> ${PER_MEASUREMENT}
  |> yield(name: "totals")

data
  |> group(columns: ["_measurement"])
  |> aggregateWindow(every: 1d, fn: count, createEmpty: false, timeSrc: "_start")
  |> keep(columns: ["_measurement", "_time", "_value"])
  |> yield(name: "perday")

data
  |> min(column: "_time")
  |> group(columns: ["_measurement"])
  |> aggregateWindow(every: 1d, fn: count, createEmpty: false, timeSrc: "_start")
  |> keep(columns: ["_measurement", "_time", "_value"])
  |> yield(name: "firstperday")`;
}

/**
 * statsQuery's `totals` alone, for a range of one UTC day: the day's per-day figure is its total,
 * and the per-day branch would cost another 8% of the count (measured on one-day shard groups).
 */
export function dayTotalsQuery(bucket: string, range: TimeRange): string {
  return `${countQuery(bucket, range)}
  |> yield(name: "totals")`;
}

/** One table per measurement, tagged with a `measurement` column, in one query. */
function perMeasurement(imports: string, measurements: readonly string[], table: (m: string) => string): string {
  if (measurements.length === 0) return '';
  const tables = measurements.map((m) => `${table(m)} |> map(fn: (r) => ({_value: r._value, measurement: ${flux`${m}`.toString()}}))`);
  // union() wants at least two streams.
  const body = tables.length === 1 ? tables[0] : `union(tables: [\n  ${tables.join(',\n  ')},\n])`;
  return `import "${imports}"\n\n${body}`;
}

/**
 * Series cardinality of each measurement, as InfluxDB itself reports it, in one query: over all
 * time, or over `range` (a range of whole shard groups reads the index only, no data).
 */
export function cardinalityQuery(bucket: string, measurements: readonly string[], range?: TimeRange): string {
  return perMeasurement('influxdata/influxdb', measurements, (m) =>
    flux`influxdb.cardinality(bucket: ${bucket}, ${rangeOf(range)}, predicate: (r) => r._measurement == ${m})`.toString(),
  );
}

/** The measurements a bucket holds (over all time), from the storage index. */
export function measurementsQuery(bucket: string): string {
  return flux`import "influxdata/influxdb/schema"

schema.measurements(bucket: ${bucket}, ${ALL_TIME})`.toString();
}

/** Tag keys and field keys of one measurement. */
export function schemaQuery(bucket: string, measurement: string): { tags: string; fields: string } {
  return {
    tags: flux`import "influxdata/influxdb/schema"

schema.measurementTagKeys(bucket: ${bucket}, measurement: ${measurement}, ${ALL_TIME})`.toString(),
    fields: flux`import "influxdata/influxdb/schema"

schema.measurementFieldKeys(bucket: ${bucket}, measurement: ${measurement}, ${ALL_TIME})`.toString(),
  };
}

/** Field keys of several measurements in one query (a row per measurement and key). */
export function fieldKeysQuery(bucket: string, measurements: readonly string[]): string {
  return perMeasurement('influxdata/influxdb/schema', measurements, (m) =>
    flux`schema.measurementFieldKeys(bucket: ${bucket}, measurement: ${m}, ${ALL_TIME})`.toString(),
  );
}

/** Tag keys of several measurements in one query (a row per measurement and key). */
export function tagKeysQuery(bucket: string, measurements: readonly string[]): string {
  return perMeasurement('influxdata/influxdb/schema', measurements, (m) =>
    flux`schema.measurementTagKeys(bucket: ${bucket}, measurement: ${m}, ${ALL_TIME})`.toString(),
  );
}

/**
 * The series count of each slice, by the storage index only (no data is read): for a range
 * that covers whole shard groups, InfluxDB unions the shards' series sets. A row per slice,
 * its index in `slice`.
 */
export function sliceSeriesQuery(bucket: string, slices: readonly TimeRange[]): string {
  if (slices.length === 0) return '';
  const tables = slices.map(
    (s, i) => `${flux`influxdb.cardinality(bucket: ${bucket}, ${rangeOf(s)})`.toString()} |> map(fn: (r) => ({_value: r._value, slice: "${i}"}))`,
  );
  const body = tables.length === 1 ? tables[0] : `union(tables: [\n  ${tables.join(',\n  ')},\n])`;
  return `import "influxdata/influxdb"\n\n${body}`;
}
