import { flux, fluxExpression } from '@influxdata/influxdb-client';
import { ALL_TIME, ONE_ROW_PER_POINT, rangeOf, type TimeRange } from './stats';

/**
 * Records (points, exact: one per series and time, whichever fields it carries) per value of
 * `tag` in one measurement: a row per value, the count in `records`. Points without the tag
 * come as an empty value.
 */
export function recordsPerTagValueQuery(bucket: string, measurement: string, tag: string): string {
  return flux`from(bucket: ${bucket})
  |> range(${ALL_TIME})
  |> filter(fn: (r) => r._measurement == ${measurement})
  |> ${fluxExpression(ONE_ROW_PER_POINT)}
  |> map(fn: (r) => ({value: if exists r[${tag}] then r[${tag}] else "", records: 1}))
  |> group(columns: ["value"])
  |> sum(column: "records")
  |> group()`.toString();
}

/**
 * The newest points of a measurement in `range` as stored, one row per point (series and time)
 * with every field as a column, newest first, `limit` from `offset`.
 */
export function latestPointsQuery(bucket: string, measurement: string, range: TimeRange, limit: number, offset: number): string {
  return flux`from(bucket: ${bucket})
  |> range(${rangeOf(range)})
  |> filter(fn: (r) => r._measurement == ${measurement})
  |> pivot(rowKey: ["_time"], columnKey: ["_field"], valueColumn: "_value")
  |> group()
  |> sort(columns: ["_time"], desc: true)
  |> limit(n: ${limit}, offset: ${offset})`.toString();
}
