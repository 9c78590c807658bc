import { flux } from '@influxdata/influxdb-client';
import { toLine } from '../../model/line-protocol';

/** The measurement the console's write probe uses; never HomeIQ data, never counted. */
export const PROBE_MEASUREMENT = '_homeiq_console_probe';

export function probeLine(probeId: string, ms: number): string {
  return toLine(PROBE_MEASUREMENT, { probe_id: probeId }, { ok: { type: 'integer', value: 1 } }, BigInt(ms) * 1_000_000n);
}

/** The probe point written at `ms`, and nothing else. */
export function probeQuery(bucket: string, probeId: string, ms: number): string {
  return flux`from(bucket: ${bucket}) |> range(start: ${new Date(ms - 1000)}, stop: ${new Date(ms + 1000)}) |> filter(fn: (r) => r._measurement == ${PROBE_MEASUREMENT} and r.probe_id == ${probeId})`.toString();
}

/** The delete predicate of one probe point (InfluxDB's delete syntax, not Flux). */
export function probePredicate(probeId: string): string {
  return `_measurement="${PROBE_MEASUREMENT}" AND probe_id="${probeId}"`;
}

/**
 * The smallest read of a bucket: proves the token may query it (InfluxDB checks the permission
 * before it reads). Filtered to the probe's measurement, which the index finds without touching
 * a series: an unfiltered read of the last hour visits every series of today's shard (3 s at a
 * million points).
 */
export function readCheckQuery(bucket: string): string {
  return flux`from(bucket: ${bucket}) |> range(start: -1h) |> filter(fn: (r) => r._measurement == ${PROBE_MEASUREMENT}) |> limit(n: 1)`.toString();
}
