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

async function countWindow(bucket: { id: string; name: string }, window: Slice, schema: BucketSchema | null, conn: Connection, signal?: AbortSignal) {
  if (schema) {
    const filter = { startNs: BigInt(Date.parse(window.start)) * 1_000_000n, stopNs: BigInt(Date.parse(window.stop)) * 1_000_000n, stopIncluded: false };
    const measurements = [...schema.keys()].filter((m) => m !== PROBE_MEASUREMENT);
    try {
      const counts = await countPoints(bucket.name, schema, measurements, filter, conn, signal);
      if (counts) return counts;
    } catch (e) {
      if (!(e instanceof InfluxqlRefused)) throw e;
      log.warn('stats: a window counted with Flux, InfluxQL could not', { bucket: bucket.name, window: `${window.start}/${window.stop}`, error: e.message });
    }
  }
  return Object.fromEntries(Object.entries(await fluxSlice(bucket.name, window, conn, signal)).map(([m, c]) => [m, c.records]));
}

/**
 * Exact record counts of a bucket read window by window (a restored bucket's shard groups), through
 * the process's pool of slice counts (two at a time). One window per read: a `SELECT *` over many
 * shard groups of many series makes InfluxDB merge them all in time order (a range over most of the
 * daily bucket at a million series took influxd past 6 GB). The field keys are read once (tag keys
 * are not needed to count rows: every read takes the tags with `*::tag`). Only records are counted,
 * no tag sets kept: the memory is that of one chunk of rows, however many series there are. InfluxQL
 * where it reads the bucket, else Flux. Windows must not overlap (shard groups do not).
 *
 * Counted after the data is in, not beside the uploads: reads of the shards just restored slowed the
 * restore of the next ones more than they saved (100,000 points, three runs each: restore then count
 * 4.1-5.1 s, counting beside the restore 5.1-8.5 s, the restore calls alone 3.3-3.9 s).
 */
export async function countWindows(
  bucket: { id: string; name: string },
  windows: readonly Slice[],
  conn: Connection,
  signal?: AbortSignal,
  /** Told of each window counted. */
  onWindow: (done: number, total: number) => void = () => {},
): Promise<RecordCounts> {
  if (windows.length === 0) return {};
  let done = 0;
  const schema = (await readsBucket(bucket, conn, signal)) ? await bucketSchema(bucket, conn, signal, { mapped: true, fieldsOnly: true }) : null;
  const settled = await Promise.allSettled(
    windows.map((w) =>
      slicePool().run({
        batch: windows.length,
        cost: 0,
        signal,
        run: async () => {
          const counts = await countWindow(bucket, w, schema, conn, signal);
          onWindow(++done, windows.length);
          return counts;
        },
      }),
    ),
  );
  // Every read settles before an error is thrown: none is still reading when the caller cleans up.
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
  const out: RecordCounts = {};
  for (const s of settled) if (s.status === 'fulfilled') for (const [m, n] of Object.entries(s.value)) if (n > 0) out[m] = (out[m] ?? 0) + n;
  return out;
}
