import 'server-only';
import { DeleteAPI } from '@influxdata/influxdb-client-apis';
import { connection, type Connection } from './client';

/** Writes line protocol to a bucket, gzip-compressed, nanosecond precision; no retries (errors surface at once). */
export async function writeLines(bucket: string, lines: readonly string[], conn: Connection = connection()): Promise<void> {
  const api = conn.influx.getWriteApi(conn.env.org, bucket, 'ns', { maxRetries: 0, batchSize: lines.length + 1, gzipThreshold: 1000 });
  api.writeRecords([...lines]);
  await api.close();
}

/** Deletes the points a predicate selects in [start, stop] (RFC 3339 times). */
export async function deletePoints(bucket: string, start: string, stop: string, predicate: string, conn: Connection = connection()): Promise<void> {
  await new DeleteAPI(conn.influx).postDelete({ org: conn.env.org, bucket, body: { start, stop, predicate } });
}
