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

/** Windows that follow each other without a gap, as the ranges they make up together. */
export function contiguousRuns(windows: readonly Slice[]): Slice[] {
  const runs: Slice[] = [];
  for (const w of [...windows].sort((a, b) => Date.parse(a.start) - Date.parse(b.start))) {
    const last = runs.at(-1);
    if (last && Date.parse(last.stop) === Date.parse(w.start)) runs[runs.length - 1] = { start: last.start, stop: w.stop };
    else runs.push({ ...w });
  }
  return runs;
}

/**
 * Exact record counts of a bucket whose data arrives window by window (a restore posts one shard
 * group after another): the windows complete so far are read while the next ones are posted, so
 * the count of the whole ends soon after the last upload instead of starting then. One read at a
 * time (through the process's pool of slice counts): it takes every window completed while the
 * one before ran, as one range, so a fast upload makes few reads and a slow one keeps the count
 * level with it. Windows must not overlap (shard groups do not): a point is counted once. Only
 * records are counted (no tag sets kept): the memory is that of one chunk of rows, however many
 * series there are. Each read takes the bucket's field keys as they are then (every field and type
 * of the windows complete; tag keys are not needed to count rows); InfluxQL where it reads the
 * bucket, else Flux.
 */
export function windowCounter(bucket: { id: string; name: string }, conn: Connection, signal?: AbortSignal): WindowCounter {
  const out: RecordCounts = {};
  const waiting: Slice[] = [];
  let running: Promise<void> | null = null;
  let failure: { reason: unknown } | null = null;
  let mapped: Promise<boolean> | null = null;

  const countRange = async (range: Slice): Promise<RecordCounts> => {
    mapped ??= readsBucket(bucket, conn, signal);
    const schema = (await mapped) ? await bucketSchema(bucket, conn, signal, { mapped: true, fieldsOnly: true }) : null;
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
    const runs = contiguousRuns(waiting.splice(0));
    running = slicePool()
      .run({
        batch: 1,
        cost: 0,
        signal,
        run: async () => {
          for (const range of runs) for (const [m, n] of Object.entries(await countRange(range))) if (n > 0) out[m] = (out[m] ?? 0) + n;
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
