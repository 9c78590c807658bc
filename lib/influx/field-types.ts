import 'server-only';
import type { Connection } from './client';
import { InfluxqlRefused, streamInfluxql } from './influxql';

/** A field key with one of the types it has in some shard of the bucket. */
export interface FieldTypeRow {
  measurement: string;
  field: string;
  type: string;
}

/**
 * The field keys of a bucket with their types, from InfluxDB's index through the v1 query API
 * (`SHOW FIELD KEYS`, on the bucket's virtual DBRP mapping): no data is read. A field written
 * with different types in different shards is listed once per type, which is what Flux's
 * schema functions do not say. Null when the server answers no v1 queries for the bucket.
 */
export async function fieldTypes(bucket: string, conn: Connection, signal?: AbortSignal): Promise<FieldTypeRow[] | null> {
  const rows: FieldTypeRow[] = [];
  try {
    await streamInfluxql(
      bucket,
      ['SHOW FIELD KEYS'],
      (s) => {
        for (const [field, type] of s.values ?? []) if (typeof field === 'string' && typeof type === 'string') rows.push({ measurement: s.name, field, type });
      },
      conn,
      signal,
      30_000,
    );
  } catch (e) {
    if (e instanceof InfluxqlRefused) return null;
    throw e;
  }
  return rows;
}
