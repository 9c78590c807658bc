import 'server-only';
import { z } from 'zod';
import type { Connection } from './client';
import { InfluxqlRefused, readsBucket, streamInfluxql } from './influxql';
import { pointSelect, type MeasurementSchema, type PointFilter } from './point-select';

export type { MeasurementSchema, PointFilter } from './point-select';

/** A bucket's measurements as InfluxDB's index lists them: field keys with every type they have, tag keys. */
export type BucketSchema = ReadonlyMap<string, MeasurementSchema>;

/** Rows of one measurement, as read: `time`, tags and fields side by side, one row per point. */
export interface PointRows {
  measurement: string;
  columns: readonly string[];
  /** Which columns are fields (every other one but `time` is a tag). */
  fieldColumns: ReadonlySet<string>;
  values: readonly (readonly unknown[])[];
}

const keysSchema = z.array(z.array(z.string()));

/**
 * The bucket's schema from InfluxDB's index (`SHOW FIELD KEYS`, `SHOW TAG KEYS` on the v1 API): no
 * data is read. `SHOW FIELD KEYS` lists a field once per type it has in some shard. Null when InfluxQL
 * on the bucket's name would not read this very bucket, or InfluxDB refuses it.
 */
export async function bucketSchema(
  bucket: { id: string; name: string },
  conn: Connection,
  signal?: AbortSignal,
  /**
   * `mapped`: skip the mapping check, the caller made it for this bucket already (it reads the schema
   * again and again). `fieldsOnly`: no tag keys (SHOW TAG KEYS walks every series of the index: 0.1 s
   * at 100,000 series); enough to count rows, as every statement reads the tags with `*::tag`.
   */
  opts: { mapped?: boolean; fieldsOnly?: boolean } = {},
): Promise<BucketSchema | null> {
  if (!opts.mapped && !(await readsBucket(bucket, conn, signal))) return null;
  const fields = new Map<string, Map<string, string[]>>();
  const tags = new Map<string, Set<string>>();
  try {
    await streamInfluxql(
      bucket.name,
      opts.fieldsOnly ? ['SHOW FIELD KEYS'] : ['SHOW FIELD KEYS', 'SHOW TAG KEYS'],
      (rows) => {
        for (const row of keysSchema.parse(rows.values ?? [])) {
          const [key, type] = row;
          if (key === undefined) continue;
          if (rows.statement === 0) {
            const m = fields.get(rows.name) ?? new Map<string, string[]>();
            fields.set(rows.name, m);
            const types = m.get(key) ?? [];
            if (type !== undefined && !types.includes(type)) types.push(type);
            m.set(key, types);
          } else {
            tags.set(rows.name, (tags.get(rows.name) ?? new Set()).add(key));
          }
        }
      },
      conn,
      signal,
    );
  } catch (e) {
    if (e instanceof InfluxqlRefused) return null;
    throw e;
  }
  const out = new Map<string, MeasurementSchema>();
  for (const [m, f] of fields) out.set(m, { fields: f, tags: tags.get(m) ?? new Set() });
  return out;
}

/**
 * Streams every point of `measurements` that `filter` selects, exactly, whatever types their fields
 * were written with (point-select.ts), one chunk of rows at a time. False, with nothing read, when
 * InfluxQL cannot tell a measurement's tags from its fields (the caller reads it another way);
 * InfluxqlRefused when InfluxDB refuses the query.
 */
export async function readPoints(
  bucket: string,
  schema: BucketSchema,
  measurements: readonly string[],
  filter: PointFilter,
  onRows: (rows: PointRows) => void,
  conn: Connection,
  signal?: AbortSignal,
): Promise<boolean> {
  const selects = new Map<string, { statement: string; fieldColumns: ReadonlySet<string> }>();
  for (const m of measurements) {
    const s = schema.get(m);
    if (!s) continue;
    const select = pointSelect(m, s, filter);
    if (!select) return false;
    selects.set(m, select);
  }
  if (selects.size === 0) return true;
  const order = [...selects.values()];
  await streamInfluxql(
    bucket,
    order.map((s) => s.statement),
    (rows) =>
      onRows({ measurement: rows.name, columns: rows.columns, fieldColumns: order[rows.statement]?.fieldColumns ?? new Set(), values: rows.values ?? [] }),
    conn,
    signal,
  );
  return true;
}

/** Points per measurement that `filter` selects, counted exactly; null when InfluxQL cannot count them (see readPoints). */
export async function countPoints(
  bucket: string,
  schema: BucketSchema,
  measurements: readonly string[],
  filter: PointFilter,
  conn: Connection,
  signal?: AbortSignal,
): Promise<Record<string, number> | null> {
  const out: Record<string, number> = {};
  const read = await readPoints(
    bucket,
    schema,
    measurements,
    filter,
    (rows) => (out[rows.measurement] = (out[rows.measurement] ?? 0) + rows.values.length),
    conn,
    signal,
  );
  return read ? out : null;
}
