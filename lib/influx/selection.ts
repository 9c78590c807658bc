import 'server-only';
import { deletePredicate } from '../data/delete-predicate';
import type { SamplePoint, Selection } from '../data/selection';
import { connection, type Connection } from './client';
import { selectionCountQuery, selectionSampleQuery } from './queries/selection';
import { queryRows } from './query';
import { deletePoints } from './write';

/** Points per measurement that the selection holds now, exactly. */
export async function countSelection(bucket: string, sel: Selection, conn: Connection = connection(), signal?: AbortSignal): Promise<Record<string, number>> {
  const rows = await queryRows(selectionCountQuery(bucket, sel), conn, signal);
  const out: Record<string, number> = {};
  for (const row of rows) out[String(row._measurement)] = Number(row._value);
  return out;
}

/** Columns of a raw row that are not tags. */
const NOT_TAGS = new Set(['result', 'table', '_start', '_stop', '_time', '_value', '_field', '_measurement']);

/**
 * A few points of the selection as stored, every field of each. Storage returns the fields of
 * one series next to each other, so reading the first rows and stopping gives whole points.
 */
export async function sampleSelection(bucket: string, sel: Selection, points = 10, conn: Connection = connection()): Promise<SamplePoint[]> {
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
export async function deleteSelection(bucket: string, sel: Selection, conn: Connection = connection()): Promise<void> {
  await deletePoints(bucket, sel.start.iso, sel.stop.iso, deletePredicate(sel.measurement, sel.matches), conn);
}
