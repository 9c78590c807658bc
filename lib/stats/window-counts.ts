import 'server-only';
import type { Connection } from '../influx/client';
import { InfluxqlRefused, readsBucket } from '../influx/influxql';
import { bucketSchema, countPoints } from '../influx/points';
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

const recordsOf = (counts: Record<string, { records: number }>): RecordCounts => Object.fromEntries(Object.entries(counts).map(([m, c]) => [m, c.records]));

/**
 * Exact record counts of a bucket whose data arrives window by window (a restore posts one shard
 * group after another): each window is read as soon as it is complete, through the process's pool
 * of slice counts, while the next one is posted, so the count of the whole ends with its last
 * window instead of after the last upload. Windows must not overlap (shard groups do not): a point
 * is counted in the one window that holds it. Only records are counted (no tag sets kept): the
 * memory stays that of one chunk of rows, however many series a window holds. Each window takes
 * the bucket's field keys as they are then (they hold every field and type of the windows already
 * complete; tag keys are not needed to count rows); InfluxQL where it reads the bucket, else Flux.
 */
export function windowCounter(bucket: { id: string; name: string }, conn: Connection, signal?: AbortSignal): WindowCounter {
  const counting: Promise<RecordCounts>[] = [];
  let mapped: Promise<boolean> | null = null;
  const countOne = async (window: Slice): Promise<RecordCounts> => {
    mapped ??= readsBucket(bucket, conn, signal);
    const schema = (await mapped) ? await bucketSchema(bucket, conn, signal, { mapped: true, fieldsOnly: true }) : null;
    if (schema) {
      const filter = { startNs: BigInt(Date.parse(window.start)) * 1_000_000n, stopNs: BigInt(Date.parse(window.stop)) * 1_000_000n, stopIncluded: false };
      const measurements = [...schema.keys()].filter((m) => m !== PROBE_MEASUREMENT);
      try {
        const counts = await countPoints(bucket.name, schema, measurements, filter, conn, signal);
        if (counts) return counts;
      } catch (e) {
        if (!(e instanceof InfluxqlRefused)) throw e;
        log.warn('backup: a restored window counted with Flux, InfluxQL could not', {
          bucket: bucket.name,
          window: `${window.start}/${window.stop}`,
          error: e.message,
        });
      }
    }
    return recordsOf(await fluxSlice(bucket.name, window, conn, signal));
  };
  return {
    add(window) {
      const job = slicePool().run({ batch: 1, cost: 0, signal, run: () => countOne(window) });
      job.catch(() => {}); // surfaced by total()
      counting.push(job);
    },
    async total() {
      // Every count settles before an error is thrown: none is still reading when the caller cleans up.
      const settled = await Promise.allSettled(counting);
      const failed = settled.find((s) => s.status === 'rejected');
      if (failed) throw failed.reason;
      const out: RecordCounts = {};
      for (const s of settled) if (s.status === 'fulfilled') for (const [m, n] of Object.entries(s.value)) if (n > 0) out[m] = (out[m] ?? 0) + n;
      return out;
    },
  };
}
