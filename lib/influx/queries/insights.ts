import { flux } from '@influxdata/influxdb-client';
import { ALL_TIME, rangeOf, type TimeRange } from './stats';

/** How many values of each tag are read to recognise dates, weeks and months. */
export const TAG_SAMPLE = 20;

/**
 * For each measurement and tag key, from the storage index only (no data is read): the number of
 * distinct values (`kind: "count"`) and the first TAG_SAMPLE of them (`kind: "value"`).
 */
export function tagValuesQuery(bucket: string, keys: readonly { measurement: string; tag: string }[]): string {
  if (keys.length === 0) return '';
  const tables = keys.flatMap(({ measurement, tag }) => {
    const values = flux`schema.tagValues(bucket: ${bucket}, tag: ${tag}, predicate: (r) => r._measurement == ${measurement}, ${ALL_TIME})`.toString();
    const label = flux`measurement: ${measurement}, tag: ${tag}`.toString();
    return [
      `${values} |> count() |> map(fn: (r) => ({${label}, kind: "count", _value: string(v: r._value)}))`,
      `${values} |> limit(n: ${TAG_SAMPLE}) |> map(fn: (r) => ({${label}, kind: "value", _value: r._value}))`,
    ];
  });
  return `import "influxdata/influxdb/schema"\n\nunion(tables: [\n  ${tables.join(',\n  ')},\n])`;
}

/**
 * The type of one field in each slice: first() per series is pushed down to storage, so each
 * slice reads one value per series of that field. Run only for fields the index lists with two
 * types. A row per slice and type, the slice's start in `day`.
 */
export function fieldTypeBySliceQuery(bucket: string, measurement: string, field: string, slices: readonly TimeRange[]): string {
  if (slices.length === 0) return '';
  const tables = slices.map((s) => {
    const read =
      flux`from(bucket: ${bucket}) |> range(${rangeOf(s)}) |> filter(fn: (r) => r._measurement == ${measurement} and r._field == ${field}) |> first()`.toString();
    return `${read} |> map(fn: (r) => ({_measurement: r._measurement, _field: r._field, day: "${s.start}", n: 1, type: kind(v: r._value)})) |> group(columns: ["_measurement", "_field", "day", "type"]) |> sum(column: "n")`;
  });
  const body = tables.length === 1 ? tables[0] : `union(tables: [\n  ${tables.join(',\n  ')},\n])`;
  return `import "types"

kind = (v) => if types.isType(v: v, type: "int") then "integer" else if types.isType(v: v, type: "float") then "float" else if types.isType(v: v, type: "string") then "string" else if types.isType(v: v, type: "bool") then "boolean" else "unsigned"

${body}`;
}

/**
 * The first point of each series of one measurement, with the value of its period tag: a row
 * per series and field (first() is pushed down to storage, one point read per series and field).
 * Run only for a week-tagged measurement, to compare each label with its point's date.
 */
export function periodLabelsQuery(bucket: string, measurement: string, tag: string): string {
  return flux`from(bucket: ${bucket}) |> range(${ALL_TIME}) |> filter(fn: (r) => r._measurement == ${measurement}) |> first() |> keep(columns: ["_time", ${tag}]) |> group()`.toString();
}
