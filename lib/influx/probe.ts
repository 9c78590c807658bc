import 'server-only';
import type { Connection } from './client';
import { queryRows } from './query';
import { PROBE_MEASUREMENT, probeLine, probePredicate, probeQuery, readCheckQuery } from './queries/probe';
import { deletePoints, writeLines } from './write';

/**
 * The console's own probes of a bucket: the smallest read, and one point written, found and deleted
 * in its reserved measurement (never HomeIQ data, never counted).
 */
export { PROBE_MEASUREMENT };

/** The smallest read of a bucket: resolves when the token may query it, throws InfluxDB's refusal otherwise. */
export async function queryProbe(bucket: string, conn: Connection): Promise<void> {
  await queryRows(readCheckQuery(bucket), conn);
}

/** Writes the probe point `probeId` at `ms`. */
export function writeProbe(bucket: string, probeId: string, ms: number, conn: Connection): Promise<void> {
  return writeLines(bucket, [probeLine(probeId, ms)], conn);
}

/** How many points of the probe `probeId` written at `ms` are there (1 after its write, 0 after its delete). */
export async function probePoints(bucket: string, probeId: string, ms: number, conn: Connection): Promise<number> {
  return (await queryRows(probeQuery(bucket, probeId, ms), conn)).length;
}

/** Deletes the probe point `probeId` between `start` and `stop` (RFC 3339), and nothing else. */
export function deleteProbe(bucket: string, probeId: string, start: string, stop: string, conn: Connection): Promise<void> {
  return deletePoints(bucket, start, stop, probePredicate(probeId), conn);
}
