import 'server-only';
import type { Connection } from '../influx/client';
import { createLineWriter } from '../influx/write';
import type { ConsoleSpec, MeasurementSpec } from '../spec/schema';
import { encodeAggregate } from './encode';
import type { AggregateName, AggregateRecords } from './records';

export interface AggregateWriter {
  /** Queues one aggregate; `writtenAt` stamps weekly and monthly ones (default: now). */
  write<K extends AggregateName>(measurement: K, record: AggregateRecords[K], writtenAt?: Date): void;
  /** Sends what is queued and waits for it. */
  flush(): Promise<void>;
  /** Flushes everything and closes; rejects with the first write error. */
  close(): Promise<void>;
}

/** Writes aggregates, in HomeIQ's wire format, to the bucket of the spec that holds each measurement. */
export function createAggregateWriter(spec: ConsoleSpec, conn: Connection, batchSize = 5_000): AggregateWriter {
  const home = new Map<string, { bucket: string; m: MeasurementSpec }>();
  for (const b of spec.buckets) for (const m of b.measurements) home.set(m.name, { bucket: b.name, m });
  const lines = createLineWriter(conn, batchSize);
  return {
    write(measurement, record, writtenAt) {
      const target = home.get(measurement);
      if (!target) throw new TypeError(`${measurement} is not a measurement of the ${spec.name} spec`);
      lines.write(target.bucket, encodeAggregate(target.m, record as unknown as Record<string, unknown>, writtenAt));
    },
    flush: () => lines.flush(),
    close: () => lines.close(),
  };
}
