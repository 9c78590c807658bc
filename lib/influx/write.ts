import 'server-only';
import type { WriteApi } from '@influxdata/influxdb-client';
import { DeleteAPI } from '@influxdata/influxdb-client-apis';
import type { Connection } from './client';
import { refusedOn } from './permission';

/**
 * The one write path: line protocol (encoded by ./line-protocol), gzip-compressed, nanosecond
 * precision, batched per bucket. InfluxDB's 429 and 503 answers are retried twice with the
 * client's backoff; any other refusal surfaces at once.
 */
export interface LineWriter {
  write(bucket: string, line: string): void;
  /** Sends what is queued and waits for it. */
  flush(): Promise<void>;
  /** Flushes everything and closes; rejects with the first write error. */
  close(): Promise<void>;
}

const WRITE_OPTIONS = { gzipThreshold: 1_000, flushInterval: 0, maxRetries: 2 } as const;

export function createLineWriter(conn: Connection, batchSize = 5_000): LineWriter {
  const apis = new Map<string, WriteApi>();
  const api = (bucket: string): WriteApi => {
    let w = apis.get(bucket);
    if (!w) {
      w = conn.influx.getWriteApi(conn.env.org, bucket, 'ns', { ...WRITE_OPTIONS, batchSize, maxBufferLines: batchSize * 4 });
      apis.set(bucket, w);
    }
    return w;
  };
  return {
    write: (bucket, line) => api(bucket).writeRecord(line),
    // A refused write names the bucket and the permission it needs, not InfluxDB's bare 403.
    flush: async () => void (await Promise.all([...apis].map(([bucket, w]) => refusedOn(bucket, 'write', () => w.flush())))),
    close: async () => void (await Promise.all([...apis].map(([bucket, w]) => refusedOn(bucket, 'write', () => w.close())))),
  };
}

/** Writes a few lines to a bucket and waits until InfluxDB has them. */
export async function writeLines(bucket: string, lines: readonly string[], conn: Connection): Promise<void> {
  const writer = createLineWriter(conn, lines.length + 1);
  for (const line of lines) writer.write(bucket, line);
  await writer.close();
}

/** Deletes the points a predicate selects in [start, stop] (RFC 3339 times). */
export async function deletePoints(bucket: string, start: string, stop: string, predicate: string, conn: Connection): Promise<void> {
  await refusedOn(bucket, 'delete', () => new DeleteAPI(conn.influx).postDelete({ org: conn.env.org, bucket, body: { start, stop, predicate } }));
}
