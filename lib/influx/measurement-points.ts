import 'server-only';
import type { StoredPoint } from '../model/measurement-detail';
import type { Connection } from './client';
import { InfluxqlRefused, streamInfluxql } from './influxql';
import { pointSelect } from './point-select';
import { bucketSchema, readPoints } from './points';
import { latestPointsQuery, recordsPerTagValueQuery } from './queries/measurement';
import type { TimeRange } from './queries/stats';
import { queryRows, type FluxRow } from './query';

/**
 * One measurement's points as its own page shows them: the newest points and the records per value
 * of a tag. Both read through InfluxQL, which streams stored points in time order from the storage
 * engine (every type a field has, point-select.ts), at a fraction of the CPU Flux's pivot and sort
 * over the same days take. Flux only where InfluxQL cannot read the bucket by its name or tell its
 * tags from its fields.
 */

/** Nanoseconds since the epoch of an RFC 3339 instant. */
function nsOf(iso: string): bigint {
  return BigInt(Date.parse(iso)) * 1_000_000n;
}

/** The whole of a measurement, as the counts see it (ALL_TIME in queries/stats.ts): 1970 to InfluxDB's last day. */
const ALL = { start: '1970-01-01T00:00:00Z', stop: '2262-04-11T00:00:00Z' };

/** A field's value as a page shows it: null where the point does not carry it. */
function valueOf(v: unknown): StoredPoint['fields'][string] {
  if (v === null || v === undefined || v === '') return null;
  return typeof v === 'number' || typeof v === 'boolean' ? v : String(v);
}

/** Flux's own columns and the query's: neither a tag nor a field of the point. */
const FLUX_OWN = new Set(['result', 'table', '_start', '_stop', '_time', '_measurement']);

function fluxPoint(row: FluxRow, fields: readonly string[]): StoredPoint {
  const known = new Set(fields);
  const tags: Record<string, string> = {};
  const values: StoredPoint['fields'] = Object.fromEntries(fields.map((f) => [f, null]));
  for (const [k, v] of Object.entries(row)) {
    if (FLUX_OWN.has(k)) continue;
    if (known.has(k)) values[k] = valueOf(v);
    else if (v !== null && v !== undefined && v !== '') tags[k] = String(v);
  }
  return { time: String(row._time), tags, fields: values };
}

/** The field a column of a typed read holds: `f::float` is field `f`. */
function fieldOfColumn(column: string, fields: { has(name: string): boolean }): string {
  if (fields.has(column)) return column;
  const cut = column.lastIndexOf('::');
  return cut > 0 ? column.slice(0, cut) : column;
}

/**
 * The newest `limit` points of `measurement` in `range` (its stop excluded, as in Flux), newest first, each
 * with every field of `fieldKeys` (null where it carries none) and its tags.
 */
export async function latestPoints(
  bucket: { id: string; name: string },
  measurement: string,
  range: TimeRange,
  limit: number,
  fieldKeys: readonly string[],
  conn: Connection,
  signal?: AbortSignal,
): Promise<StoredPoint[]> {
  const schema = (await bucketSchema(bucket, conn, signal))?.get(measurement);
  const select = schema ? pointSelect(measurement, schema, { startNs: nsOf(range.start), stopNs: nsOf(range.stop), stopIncluded: false }) : null;
  if (select) {
    const points: StoredPoint[] = [];
    try {
      await streamInfluxql(
        bucket.name,
        [`${select.statement} ORDER BY time DESC LIMIT ${Math.max(1, Math.floor(limit))}`],
        (rows) => {
          const columns = rows.columns;
          for (const row of rows.values ?? []) {
            const tags: Record<string, string> = {};
            const fields: StoredPoint['fields'] = Object.fromEntries(fieldKeys.map((f) => [f, null]));
            let time = '';
            columns.forEach((c, i) => {
              const v = row[i];
              if (c === 'time') time = String(v);
              else if (select.fieldColumns.has(c)) {
                const value = valueOf(v);
                // A field of several types: one column per type, only the point's own holds a value.
                if (value !== null) fields[fieldOfColumn(c, schema?.fields ?? new Set<string>())] = value;
              } else if (v !== null && v !== undefined && v !== '') tags[c] = String(v);
            });
            points.push({ time, tags, fields });
          }
        },
        conn,
        signal,
      );
      return points;
    } catch (e) {
      if (!(e instanceof InfluxqlRefused)) throw e;
    }
  }
  const rows = await queryRows(latestPointsQuery(bucket.name, measurement, range, limit, 0), conn, signal);
  return rows.map((r) => fluxPoint(r, fieldKeys));
}

/** Records (points) per value of `tag` in the whole measurement, exactly; points without it count as value "". */
export async function recordsPerTagValue(
  bucket: { id: string; name: string },
  measurement: string,
  tag: string,
  conn: Connection,
  signal?: AbortSignal,
): Promise<{ value: string; records: number }[]> {
  const schema = await bucketSchema(bucket, conn, signal);
  if (schema?.has(measurement)) {
    const counts = new Map<string, number>();
    try {
      const read = await readPoints(
        bucket.name,
        schema,
        [measurement],
        { startNs: nsOf(ALL.start), stopNs: nsOf(ALL.stop), stopIncluded: false },
        (rows) => {
          const at = rows.columns.indexOf(tag);
          for (const row of rows.values) {
            const v = at < 0 ? null : row[at];
            const value = v === null || v === undefined ? '' : String(v);
            counts.set(value, (counts.get(value) ?? 0) + 1);
          }
        },
        conn,
        signal,
      );
      if (read) return [...counts].map(([value, records]) => ({ value, records }));
    } catch (e) {
      if (!(e instanceof InfluxqlRefused)) throw e;
    }
  }
  const rows = await queryRows(recordsPerTagValueQuery(bucket.name, measurement, tag), conn, signal);
  return rows.map((r) => ({ value: String(r.value ?? ''), records: Number(r.records ?? 0) }));
}
