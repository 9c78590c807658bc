import 'server-only';
import type { Connection } from '../influx/client';
import { InfluxqlRefused } from '../influx/influxql';
import { readsExactly } from '../influx/point-select';
import { bucketSchema, readPoints, type BucketSchema } from '../influx/points';
import { fluxSliceCounts, PROBE_MEASUREMENT } from '../influx/index-reads';
import { log } from '../log';
import { PointScan, TooManySeries } from './point-scan';
import type { SliceCounts } from './slice-counts';
import { utcDayOf, type Slice } from './slices';

/** How a slice's points are read: InfluxQL where it reads the bucket exactly, else Flux. */
export type CountMethod = 'auto' | 'flux';

export type SliceReader = ((slice: Slice, signal?: AbortSignal) => Promise<SliceCounts>) & { method: 'influxql' | 'flux' };

/**
 * A slice's counts through Flux: the timestamps of every field, one row per point (stats.ts).
 * One of a single UTC day is its own per-day figure: only its totals are read.
 */
export async function fluxSlice(bucket: string, slice: Slice, conn: Connection, signal?: AbortSignal): Promise<SliceCounts> {
  return fluxSliceCounts(bucket, slice, utcDayOf(slice), conn, signal);
}

/**
 * A slice's counts through InfluxQL: one row per point (point-scan.ts), every point read whatever
 * types its fields have in the slice's shards (lib/influx/point-select.ts). InfluxDB's InfluxQL
 * engine reads the points of a million series in a fraction of Flux's time. Null when InfluxQL cannot
 * tell a measurement's tags from its fields.
 */
async function influxqlSlice(bucket: string, schema: BucketSchema, slice: Slice, conn: Connection, signal?: AbortSignal): Promise<SliceCounts | null> {
  const measurements = [...schema.keys()].filter((m) => m !== PROBE_MEASUREMENT);
  if (measurements.length === 0) return {};
  const fieldColumns = new Map<string, ReadonlySet<string>>();
  const scan = new PointScan((m) => fieldColumns.get(m) ?? new Set());
  const filter = { startNs: BigInt(Date.parse(slice.start)) * 1_000_000n, stopNs: BigInt(Date.parse(slice.stop)) * 1_000_000n, stopIncluded: false };
  const read = await readPoints(
    bucket,
    schema,
    measurements,
    filter,
    (rows) => {
      fieldColumns.set(rows.measurement, rows.fieldColumns);
      scan.add({ name: rows.measurement, columns: rows.columns, values: rows.values });
    },
    conn,
    signal,
  );
  return read ? scan.result() : null;
}

/**
 * How this refresh reads its slices. InfluxQL when its database is this bucket and every point of
 * it reads as one row; Flux otherwise, and for a slice InfluxQL refuses (a limit of the server,
 * more series than the console holds in memory at once).
 */
export async function sliceReader(
  bucket: { id: string; name: string },
  conn: Connection,
  method: CountMethod = 'auto',
  signal?: AbortSignal,
): Promise<SliceReader> {
  const flux: SliceReader = Object.assign((slice: Slice, s?: AbortSignal) => fluxSlice(bucket.name, slice, conn, s), { method: 'flux' as const });
  if (method === 'flux') return flux;
  const schema = await bucketSchema(bucket, conn, signal);
  if (!schema) {
    log.warn('stats: InfluxQL cannot read the bucket by its name, counting with Flux', { bucket: bucket.name });
    return flux;
  }
  if (![...schema].every(([m, s]) => m === PROBE_MEASUREMENT || readsExactly(s))) {
    log.warn('stats: a tag and a field share a name, counting with Flux', { bucket: bucket.name });
    return flux;
  }
  const read = async (slice: Slice, s?: AbortSignal) => {
    try {
      const counts = await influxqlSlice(bucket.name, schema, slice, conn, s);
      if (counts) return counts;
      log.warn('stats: a tag and a field share a name, counting with Flux', { bucket: bucket.name });
      return fluxSlice(bucket.name, slice, conn, s);
    } catch (e) {
      if (!(e instanceof InfluxqlRefused) && !(e instanceof TooManySeries)) throw e;
      log.warn('stats: slice counted with Flux, InfluxQL could not', { bucket: bucket.name, slice: `${slice.start}/${slice.stop}`, error: e.message });
      return fluxSlice(bucket.name, slice, conn, s);
    }
  };
  return Object.assign(read, { method: 'influxql' as const });
}
