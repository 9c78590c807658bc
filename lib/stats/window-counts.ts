import 'server-only';
import type { Connection } from '../influx/client';
import { sliceReader } from './read-slice';
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
 * group after another): each window is read as soon as it is complete, through the process's pool
 * of slice counts, while the next one is posted, so the count of the whole ends with its last
 * window instead of after the last upload. Windows must not overlap (shard groups do not): a point
 * is counted in the one window that holds it. Each window's reader takes the bucket's schema as it
 * is then, which holds every field of the windows already complete.
 */
export function windowCounter(bucket: { id: string; name: string }, conn: Connection, signal?: AbortSignal): WindowCounter {
  const counting: Promise<RecordCounts>[] = [];
  return {
    add(window) {
      const job = slicePool().run({
        batch: 1,
        cost: 0,
        signal,
        run: async () => {
          const read = await sliceReader(bucket, conn, 'auto', signal);
          const counts = await read(window, signal);
          return Object.fromEntries(Object.entries(counts).map(([m, c]) => [m, c.records]));
        },
      });
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
