import 'server-only';
import type { WriteApi } from '@influxdata/influxdb-client';
import { connection, type Connection } from '../influx/client';
import type { ConsoleSpec, MeasurementSpec } from '../spec/schema';
import { encodeAggregate } from './encode';
import type { AggregateName, AggregateRecords } from './records';

export interface AggregateWriter {
  /** Queues one aggregate; `writtenAt` stamps weekly and monthly ones (default: now). */
  write<K extends AggregateName>(measurement: K, record: AggregateRecords[K], writtenAt?: Date): void;
  /** Queues raw line protocol for a bucket (for bulk data that is already encoded). */
  writeLines(bucket: string, lines: string[]): void;
  /** Number of points queued so far. */
  readonly queued: number;
  /** Sends what is queued and waits for it. */
  flush(): Promise<void>;
  /** Flushes everything and closes; rejects with the first write error. */
  close(): Promise<void>;
}

/** Writes aggregates to the bucket of the spec that holds each measurement: batched, gzip. */
export function createAggregateWriter(spec: ConsoleSpec, conn: Connection = connection(), batchSize = 5_000): AggregateWriter {
  const home = new Map<string, { bucket: string; m: MeasurementSpec }>();
  for (const b of spec.buckets) for (const m of b.measurements) home.set(m.name, { bucket: b.name, m });
  const apis = new Map<string, WriteApi>();
  let queued = 0;
  const api = (bucket: string): WriteApi => {
    let w = apis.get(bucket);
    if (!w) {
      w = conn.influx.getWriteApi(conn.env.org, bucket, 'ns', { batchSize, gzipThreshold: 1_000, flushInterval: 0, maxRetries: 2, maxBufferLines: batchSize * 4 });
      apis.set(bucket, w);
    }
    return w;
  };
  return {
    write(measurement, record, writtenAt) {
      const target = home.get(measurement);
      if (!target) throw new TypeError(`${measurement} is not a measurement of the ${spec.name} spec`);
      api(target.bucket).writeRecord(encodeAggregate(target.m, record as unknown as Record<string, unknown>, writtenAt));
      queued++;
    },
    writeLines(bucket, lines) {
      api(bucket).writeRecords(lines);
      queued += lines.length;
    },
    get queued() {
      return queued;
    },
    async flush() {
      await Promise.all([...apis.values()].map((w) => w.flush()));
    },
    async close() {
      await Promise.all([...apis.values()].map((w) => w.close()));
    },
  };
}
