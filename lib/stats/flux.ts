import { flux, fluxExpression, type FluxParameterLike } from '@influxdata/influxdb-client';

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

/** The measurement the console's write probe uses; never HomeIQ data. */
export const PROBE_MEASUREMENT = '_homeiq_console_probe';

/** Everything a bucket can hold: InfluxDB's time range limits. */
const ALL_TIME = fluxExpression('start: 1970-01-01T00:00:00Z, stop: 2262-04-11T00:00:00Z');

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

export type SeriesAggregate = 'count' | 'first' | 'last';

/** Per series: the number of records (count) or the first/last record's time. */
export function seriesAggregateQuery(bucket: string, known: readonly CountedMeasurement[], aggregate: SeriesAggregate): string {
  const fn = fluxExpression(`${aggregate}()`);
  return flux`from(bucket: ${bucket})
  |> range(${ALL_TIME})
  |> filter(fn: (r) => ${recordFilter(known)})
  |> ${fn}`.toString();
}

/** Records per series per UTC day, over the last `days` days. */
export function recordsPerDayQuery(bucket: string, known: readonly CountedMeasurement[], days: number): string {
  const start = fluxExpression(`-${Math.max(1, Math.floor(days))}d`);
  return flux`from(bucket: ${bucket})
  |> range(start: ${start}, stop: 2262-04-11T00:00:00Z)
  |> filter(fn: (r) => ${recordFilter(known)})
  |> aggregateWindow(every: 1d, fn: count, createEmpty: false)`.toString();
}

/** Series cardinality of each measurement, as InfluxDB itself reports it, in one query. */
export function cardinalityQuery(bucket: string, measurements: readonly string[]): string {
  if (measurements.length === 0) return '';
  const tables = measurements.map(
    (m) =>
      flux`influxdb.cardinality(bucket: ${bucket}, ${ALL_TIME}, predicate: (r) => r._measurement == ${m}) |> map(fn: (r) => ({_value: r._value, measurement: ${m}}))`.toString(),
  );
  return `import "influxdata/influxdb"\n\nunion(tables: [\n  ${tables.join(',\n  ')},\n])`;
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
