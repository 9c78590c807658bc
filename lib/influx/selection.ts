import 'server-only';
import { deletePredicate } from '../model/delete-predicate';
import type { SamplePoint, Selection } from '../model/selection';
import type { Connection } from './client';
import { selectionCountQuery, selectionSampleQuery } from './queries/selection';
import { InfluxqlRefused } from './influxql';
import { bucketSchema, countPoints } from './points';
import { queryRows } from './query';
import { log } from '../log';
import { deletePoints } from './write';

/** How a selection was counted: InfluxQL reads every point whatever its field types; Flux reads one type per field. */
import type { CountedWith } from '../model/data-operations';

export type { CountedWith };

export interface SelectionCount {
  points: Record<string, number>;
  method: CountedWith;
}

/**
 * Points per measurement that the selection holds now, exactly: through InfluxQL, which reads
 * every point whatever types its fields have in each shard (points.ts). Flux only where InfluxQL
 * cannot read the bucket by its name or tell its tags from its fields.
 */
export async function countSelection(bucket: { id: string; name: string }, sel: Selection, conn: Connection, signal?: AbortSignal): Promise<SelectionCount> {
  const schema = await bucketSchema(bucket, conn, signal);
  if (schema) {
    const measurements = sel.measurement === undefined ? [...schema.keys()] : [sel.measurement];
    const filter = { startNs: sel.start.ns, stopNs: sel.stop.ns, stopIncluded: true, tags: sel.matches };
    try {
      const points = await countPoints(bucket.name, schema, measurements, filter, conn, signal);
      if (points) return { points, method: 'influxql' };
    } catch (e) {
      if (!(e instanceof InfluxqlRefused)) throw e;
      log.warn('delete: InfluxQL refused the count, counting with Flux', { bucket: bucket.name, error: e.message });
    }
  }
  const rows = await queryRows(selectionCountQuery(bucket.name, sel), conn, signal);
  const points: Record<string, number> = {};
  for (const row of rows) points[String(row._measurement)] = Number(row._value);
  return { points, method: 'flux' };
}

/** Columns of a raw row that are not tags. */
const NOT_TAGS = new Set(['result', 'table', '_start', '_stop', '_time', '_value', '_field', '_measurement']);

/**
 * A few points of the selection as stored, every field of each. Storage returns the fields of
 * one series next to each other, so reading the first rows and stopping gives whole points.
 */
export async function sampleSelection(bucket: string, sel: Selection, points = 10, conn: Connection): Promise<SamplePoint[]> {
  const api = conn.query.getQueryApi({ org: conn.env.org, gzip: true });
  const byKey = new Map<string, SamplePoint>();
  let rows = 0;
  for await (const { values, tableMeta } of api.iterateRows(selectionSampleQuery(bucket, sel, 3))) {
    const row = tableMeta.toObject(values);
    const tags: Record<string, string> = {};
    for (const [k, v] of Object.entries(row)) if (!NOT_TAGS.has(k) && typeof v === 'string' && v !== '') tags[k] = v;
    const measurement = String(row._measurement);
    const time = String(row._time);
    const key = JSON.stringify([measurement, tags, time]);
    let point = byKey.get(key);
    if (!point) {
      if (byKey.size >= points) break;
      point = { measurement, tags, time, fields: {} };
      byKey.set(key, point);
    }
    const value = row._value;
    point.fields[String(row._field)] = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
    // Enough rows for the points asked for, whatever their field count: stop reading.
    if (++rows >= points * 50) break;
  }
  return [...byKey.values()];
}

/** Deletes the selection: InfluxDB's predicate delete over [start, stop], both ends included. */
export async function deleteSelection(bucket: string, sel: Selection, conn: Connection): Promise<void> {
  await deletePoints(bucket, sel.start.iso, sel.stop.iso, deletePredicate(sel.measurement, sel.matches), conn);
}
