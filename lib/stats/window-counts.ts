import 'server-only';
import type { Connection } from '../influx/client';
import { InfluxqlRefused, readsBucket } from '../influx/influxql';
import { bucketSchema, countPoints, type BucketSchema } from '../influx/points';
import { PROBE_MEASUREMENT } from '../influx/index-reads';
import { log } from '../log';
import { fluxSlice } from './read-slice';
import { slicePool } from './slice-pool';
import type { Slice } from './slices';

/** Records per measurement (measurements without records left out). */
export type RecordCounts = Record<string, number>;

export interface WindowCounter {
  /** Counts `window` of the bucket once its data is complete (a restored shard group), beside whatever adds the next. */
  add(window: Slice): void;
  /** The records of every window added, per measurement; rejects when a count failed. */
  total(): Promise<RecordCounts>;
}

/**
 * Exact record counts of a bucket whose data arrives window by window (a restore posts one shard
 * group after another): the windows complete so far are read while the next ones are posted, so
 * the count of the whole ends soon after the last upload instead of starting then. One job at a
 * time (through the process's pool of slice counts) takes every window completed while the one
 * before ran: it reads the bucket's field keys once (every field and type of the windows complete;
 * tag keys are not needed to count rows), then each window apart. A window is one shard group: a
 * `SELECT *` over many shard groups of many series makes InfluxDB merge them all in time order (a
 * range over most of the daily bucket at a million series took influxd past 6 GB). Windows must not overlap
 * (shard groups do not): a point is counted once. Only records are counted (no tag sets kept): the
 * memory is that of one chunk of rows, however many series there are. InfluxQL where it reads the
 * bucket, else Flux.
 */
export function windowCounter(bucket: { id: string; name: string }, conn: Connection, signal?: AbortSignal): WindowCounter {
  const out: RecordCounts = {};
  const waiting: Slice[] = [];
  let running: Promise<void> | null = null;
  let failure: { reason: unknown } | null = null;
  let mapped: Promise<boolean> | null = null;

  const countWindow = async (range: Slice, schema: BucketSchema | null): Promise<RecordCounts> => {
    if (schema) {
      const filter = { startNs: BigInt(Date.parse(range.start)) * 1_000_000n, stopNs: BigInt(Date.parse(range.stop)) * 1_000_000n, stopIncluded: false };
      const measurements = [...schema.keys()].filter((m) => m !== PROBE_MEASUREMENT);
      try {
        const counts = await countPoints(bucket.name, schema, measurements, filter, conn, signal);
        if (counts) return counts;
      } catch (e) {
        if (!(e instanceof InfluxqlRefused)) throw e;
        log.warn('backup: restored data counted with Flux, InfluxQL could not', {
          bucket: bucket.name,
          range: `${range.start}/${range.stop}`,
          error: e.message,
        });
      }
    }
    return Object.fromEntries(Object.entries(await fluxSlice(bucket.name, range, conn, signal)).map(([m, c]) => [m, c.records]));
  };

  const pump = () => {
    if (running || failure || waiting.length === 0) return;
    const windows = waiting.splice(0);
    running = slicePool()
      .run({
        batch: 1,
        cost: 0,
        signal,
        run: async () => {
          mapped ??= readsBucket(bucket, conn, signal);
          const schema = (await mapped) ? await bucketSchema(bucket, conn, signal, { mapped: true, fieldsOnly: true }) : null;
          for (const w of windows) for (const [m, n] of Object.entries(await countWindow(w, schema))) if (n > 0) out[m] = (out[m] ?? 0) + n;
        },
      })
      .catch((reason: unknown) => void (failure = { reason }))
      .finally(() => {
        running = null;
        pump();
      });
  };

  return {
    add(window) {
      waiting.push(window);
      pump();
    },
    async total() {
      // Every read settles before the answer (or the error): none is still reading when the caller cleans up.
      while (running) await running;
      if (failure) throw failure.reason;
      return out;
    },
  };
}
