import { flux, fluxExpression, type FluxParameterLike } from '@influxdata/influxdb-client';
import { PROBE_MEASUREMENT } from './probe';

/**
 * Flux for the stats, built from the spec with every name escaped by the client's `flux` tag.
 * Each counting query is `from |> range |> filter |> count|first|last|aggregateWindow`, the
 * shapes InfluxDB OSS 2.x pushes down to storage (ReadWindowAggregate); nothing regroups
 * before the aggregate, and each measurement is counted on one field.
 */
export interface CountedMeasurement {
  name: string;
  /** The field present on every point of the measurement. */
  countField: string;
}


/** Everything a bucket can hold: InfluxDB's time range limits. */
export const ALL_TIME = fluxExpression('start: 1970-01-01T00:00:00Z, stop: 2262-04-11T00:00:00Z');

/**
 * One field per known measurement, every field of measurements outside the spec (they are
 * counted per point later, by the largest field count of each series), never the probe.
 */
export function recordFilter(known: readonly CountedMeasurement[]): FluxParameterLike {
  const parts = known.map((m) => flux`(r._measurement == ${m.name} and r._field == ${m.countField})`.toString());
  const exclusions = [...known.map((m) => m.name), PROBE_MEASUREMENT].map((name) => flux`r._measurement != ${name}`.toString());
  parts.push(`(${exclusions.join(' and ')})`);
  return fluxExpression(parts.join(' or '));
}

function records(bucket: string, known: readonly CountedMeasurement[], range: FluxParameterLike = ALL_TIME): string {
  return flux`from(bucket: ${bucket})
  |> range(${range})
  |> filter(fn: (r) => ${recordFilter(known)})`.toString();
}

/**
 * Records and tag sets per measurement and counted field: count() per series is pushed
 * down to storage; only its small per-series result is regrouped and summed.
 */
export function countQuery(bucket: string, known: readonly CountedMeasurement[]): string {
  return `${records(bucket, known)}
  |> count()
  |> group(columns: ["_measurement", "_field"])
  |> reduce(fn: (r, accumulator) => ({records: accumulator.records + r._value, tagSets: accumulator.tagSets + 1}), identity: {records: 0, tagSets: 0})`;
}

export interface EdgeDays {
  measurement: string;
  /** The counted field, or null for a measurement outside the spec (every field). */
  countField: string | null;
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
    const field = e.countField === null ? '' : flux` and r._field == ${e.countField}`.toString();
    const pick = (day: string, which: 'first' | 'last') =>
      `${flux`from(bucket: ${bucket})`.toString()} |> range(${dayRange(day).toString()}) |> filter(fn: (r) => ${flux`r._measurement == ${e.measurement}`.toString()}${field}) |> ${which}() |> group(columns: ["_measurement"]) |> ${which === 'first' ? 'min' : 'max'}(column: "_time") |> keep(columns: ["_measurement", "_time"]) |> set(key: "edge", value: "${which}")`;
    return [pick(e.firstDay, 'first'), pick(e.lastDay, 'last')];
  });
  return `union(tables: [\n  ${tables.join(',\n  ')},\n])`;
}

/**
 * Totals and records per UTC day in one scan: a count per series and day is pushed down to
 * storage, and both results are computed from it (Flux runs the shared source once).
 * Yields `totals` (records, tagSets per measurement and counted field) and `perday`.
 */
export function statsQuery(bucket: string, known: readonly CountedMeasurement[]): string {
  return `data = ${records(bucket, known).replace(/\n/g, '\n  ')}
  |> aggregateWindow(every: 1d, fn: count, createEmpty: false, timeSrc: "_start")

data
  |> sum()
  |> group(columns: ["_measurement", "_field"])
  |> reduce(fn: (r, accumulator) => ({records: accumulator.records + r._value, tagSets: accumulator.tagSets + 1}), identity: {records: 0, tagSets: 0})
  |> yield(name: "totals")

data
  |> group(columns: ["_measurement", "_field"])
  |> aggregateWindow(every: 1d, fn: sum, createEmpty: false, timeSrc: "_start")
  |> keep(columns: ["_measurement", "_field", "_time", "_value"])
  |> yield(name: "perday")`;
}

/** One table per measurement, tagged with a `measurement` column, in one query. */
function perMeasurement(imports: string, measurements: readonly string[], table: (m: string) => string): string {
  if (measurements.length === 0) return '';
  const tables = measurements.map((m) => `${table(m)} |> map(fn: (r) => ({_value: r._value, measurement: ${flux`${m}`.toString()}}))`);
  // union() wants at least two streams.
  const body = tables.length === 1 ? tables[0] : `union(tables: [\n  ${tables.join(',\n  ')},\n])`;
  return `import "${imports}"\n\n${body}`;
}

/** Series cardinality of each measurement, as InfluxDB itself reports it, in one query. */
export function cardinalityQuery(bucket: string, measurements: readonly string[]): string {
  return perMeasurement('influxdata/influxdb', measurements, (m) => flux`influxdb.cardinality(bucket: ${bucket}, ${ALL_TIME}, predicate: (r) => r._measurement == ${m})`.toString());
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
  return perMeasurement('influxdata/influxdb/schema', measurements, (m) => flux`schema.measurementFieldKeys(bucket: ${bucket}, measurement: ${m}, ${ALL_TIME})`.toString());
}

/** Tag keys of several measurements in one query (a row per measurement and key). */
export function tagKeysQuery(bucket: string, measurements: readonly string[]): string {
  return perMeasurement('influxdata/influxdb/schema', measurements, (m) => flux`schema.measurementTagKeys(bucket: ${bucket}, measurement: ${m}, ${ALL_TIME})`.toString());
}
