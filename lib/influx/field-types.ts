import 'server-only';
import { z } from 'zod';
import { connection, type Connection } from './client';

/** A field key with one of the types it has in some shard of the bucket. */
export interface FieldTypeRow {
  measurement: string;
  field: string;
  type: string;
}

const showFieldKeys = z.object({
  results: z.array(
    z.object({
      error: z.string().optional(),
      series: z.array(z.object({ name: z.string(), values: z.array(z.tuple([z.string(), z.string()])).optional() })).optional(),
    }),
  ),
});

/**
 * The field keys of a bucket with their types, from InfluxDB's index through the v1 query API
 * (`SHOW FIELD KEYS`, on the bucket's virtual DBRP mapping): no data is read. A field written
 * with different types in different shards is listed once per type, which is what Flux's
 * schema functions do not say. Null when the server answers no v1 queries for the bucket.
 */
export async function fieldTypes(bucket: string, conn: Connection = connection(), signal?: AbortSignal): Promise<FieldTypeRow[] | null> {
  const url = new URL('/query', conn.env.url);
  url.searchParams.set('db', bucket);
  url.searchParams.set('q', 'SHOW FIELD KEYS');
  const res = await fetch(url, { headers: { Authorization: `Token ${conn.env.token}`, Accept: 'application/json' }, signal: signal ?? AbortSignal.timeout(30_000) });
  if (res.status === 404 || res.status === 400) {
    await res.body?.cancel();
    return null;
  }
  if (!res.ok) throw Object.assign(new Error(`SHOW FIELD KEYS answered ${res.status}`), { statusCode: res.status, body: await res.text() });
  const parsed = showFieldKeys.safeParse(await res.json());
  if (!parsed.success || parsed.data.results.some((r) => r.error)) return null;
  return parsed.data.results.flatMap((r) => (r.series ?? []).flatMap((s) => (s.values ?? []).map(([field, type]) => ({ measurement: s.name, field, type }))));
}
