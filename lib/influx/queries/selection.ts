import { flux, fluxExpression, type FluxParameterLike } from '@influxdata/influxdb-client';
import { instantOf } from '../../model/time-input';
import type { Selection } from '../../model/selection';
import { ONE_ROW_PER_POINT } from './stats';

/**
 * Flux for the points of a selection, names escaped by the client's `flux` tag. InfluxDB's
 * delete takes [start, stop] with both ends included; Flux's range() excludes its stop, so the
 * read stops one nanosecond later and sees exactly the points the delete would remove.
 */
function rangeOf(sel: Selection): FluxParameterLike {
  return fluxExpression(`start: ${sel.start.iso}, stop: ${instantOf(sel.stop.ns + 1n).iso}`);
}

function filterOf(sel: Selection): string {
  const conds = [
    ...(sel.measurement === undefined ? [] : [flux`r._measurement == ${sel.measurement}`.toString()]),
    ...sel.matches.map((m) => flux`r[${m.key}] == ${m.value}`.toString()),
  ];
  return conds.length === 0 ? '' : `\n  |> filter(fn: (r) => ${conds.join(' and ')})`;
}

function selected(bucket: string, sel: Selection): string {
  return `${flux`from(bucket: ${bucket})`.toString()}\n  |> range(${rangeOf(sel).toString()})${filterOf(sel)}`;
}

/**
 * Points (distinct series and time, whichever fields they carry) per measurement: the exact
 * count of the stats (lib/influx/queries/stats.ts), narrowed to the selection.
 */
export function selectionCountQuery(bucket: string, sel: Selection): string {
  return `${selected(bucket, sel)}
  |> ${ONE_ROW_PER_POINT}
  |> set(key: "_value", value: "p")
  |> count()
  |> group(columns: ["_measurement"])
  |> sum()`;
}

/** The first few values of each series and field: the reader stops after enough rows. */
export function selectionSampleQuery(bucket: string, sel: Selection, perSeries: number): string {
  return `${selected(bucket, sel)}
  |> limit(n: ${Math.max(1, Math.floor(perSeries))})`;
}
