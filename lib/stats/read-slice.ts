import 'server-only';
import { z } from 'zod';
import type { Connection } from '../influx/client';
import { InfluxqlRefused, quoteIdent, readsBucket, streamInfluxql, timeLiteral } from '../influx/influxql';
import { queryRows } from '../influx/query';
import { PROBE_MEASUREMENT } from '../influx/queries/probe';
import { dayTotalsQuery, statsQuery } from '../influx/queries/stats';
import { log } from '../log';
import { PointScan, TooManySeries } from './point-scan';
import { sliceCountsOf, type SliceCounts } from './slice-counts';
import { utcDayOf, type Slice } from './slices';

/** How a slice's points are read: InfluxQL where it reads the bucket exactly, else Flux. */
export type CountMethod = 'auto' | 'flux';

export type SliceReader = ((slice: Slice, signal?: AbortSignal) => Promise<SliceCounts>) & { method: 'influxql' | 'flux' };

/**
 * A slice's counts through Flux: the timestamps of every field, one row per point (stats.ts).
 * One of a single UTC day is its own per-day figure: only its totals are read.
 */
export async function fluxSlice(bucket: string, slice: Slice, conn: Connection, signal?: AbortSignal): Promise<SliceCounts> {
  const day = utcDayOf(slice);
  return sliceCountsOf(await queryRows(day ? dayTotalsQuery(bucket, slice) : statsQuery(bucket, slice), conn, signal), day ?? undefined);
}

const keysSchema = z.array(z.object({ name: z.string(), values: z.array(z.array(z.string())).optional() }));

/**
 * Field keys per measurement, or null where InfluxQL's `SELECT *` could merge two series. A field
 * written as integer in one shard and float in another is read whole, as floats (Flux reads only
 * one shard's points of it); as float in one and string in another, both read only one type.
 */
async function influxqlSchema(bucket: string, conn: Connection, signal?: AbortSignal): Promise<Map<string, Set<string>> | null> {
  const fields = new Map<string, Set<string>>();
  const tags = new Map<string, Set<string>>();
  await streamInfluxql(
    bucket,
    ['SHOW FIELD KEYS', 'SHOW TAG KEYS'],
    (rows) => {
      for (const s of keysSchema.parse([rows])) {
        for (const [key] of s.values ?? []) {
          if (key === undefined) continue;
          const into = rows.statement === 0 ? fields : tags;
          into.set(s.name, (into.get(s.name) ?? new Set()).add(key));
        }
      }
    },
    conn,
    signal,
  );
  const out = new Map<string, Set<string>>();
  for (const [m, keys] of fields) {
    // A tag and a field of one name: `SELECT *` renames one of them, and a tag could pass for a field.
    if ([...keys].some((k) => tags.get(m)?.has(k) || k === 'time')) return null;
    out.set(m, keys);
  }
  return out;
}

/**
 * A slice's counts through InfluxQL: `SELECT *` per measurement gives one row per point (point-scan.ts),
 * and InfluxDB's InfluxQL engine reads the points of a million series in a fraction of Flux's time.
 */
async function influxqlSlice(bucket: string, fields: ReadonlyMap<string, ReadonlySet<string>>, slice: Slice, conn: Connection, signal?: AbortSignal): Promise<SliceCounts> {
  const measurements = [...fields.keys()].filter((m) => m !== PROBE_MEASUREMENT);
  if (measurements.length === 0) return {};
  const where = `WHERE time >= ${timeLiteral(slice.start)} AND time < ${timeLiteral(slice.stop)}`;
  const scan = new PointScan((m) => fields.get(m) ?? new Set());
  await streamInfluxql(bucket, measurements.map((m) => `SELECT * FROM ${quoteIdent(m)} ${where}`), (rows) => scan.add({ name: rows.name, columns: rows.columns, values: rows.values ?? [] }), conn, signal);
  return scan.result();
}

/**
 * How this refresh reads its slices. InfluxQL when its database is this bucket and every point of
 * it reads as one row; Flux otherwise, and for a slice InfluxQL refuses (a limit of the server,
 * more series than the console holds in memory at once).
 */
export async function sliceReader(bucket: { id: string; name: string }, conn: Connection, method: CountMethod = 'auto', signal?: AbortSignal): Promise<SliceReader> {
  const flux: SliceReader = Object.assign((slice: Slice, s?: AbortSignal) => fluxSlice(bucket.name, slice, conn, s), { method: 'flux' as const });
  if (method === 'flux') return flux;
  let fields: Map<string, Set<string>> | null = null;
  try {
    fields = (await readsBucket(bucket, conn, signal)) ? await influxqlSchema(bucket.name, conn, signal) : null;
  } catch (e) {
    if (!(e instanceof InfluxqlRefused)) throw e;
    log.warn('stats: InfluxQL refused, counting with Flux', { bucket: bucket.name, error: e.message });
  }
  if (!fields) return flux;
  const known = fields;
  const read = async (slice: Slice, s?: AbortSignal) => {
    try {
      return await influxqlSlice(bucket.name, known, slice, conn, s);
    } catch (e) {
      if (!(e instanceof InfluxqlRefused) && !(e instanceof TooManySeries)) throw e;
      log.warn('stats: slice counted with Flux, InfluxQL could not', { bucket: bucket.name, slice: `${slice.start}/${slice.stop}`, error: e.message });
      return fluxSlice(bucket.name, slice, conn, s);
    }
  };
  return Object.assign(read, { method: 'influxql' as const });
}
