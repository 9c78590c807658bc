import 'server-only';
/** The storage sampler's one round, shared by `sample-storage.ts` (on demand) and `start-sampler.ts` (the timer). */
import { openDb } from '../../db';
import { readDiskUsage } from '../../storage/disk';
import { recordSample, recordSampleFailure } from '../../storage/sampler-status';
import { downsample, insertReadings } from '../../storage/samples';
import { withInflux } from '../context';
import { log } from '../../log';

export type SampleOutcome = { kind: 'sampled'; buckets: number } | { kind: 'skipped'; reason: string };

let lastLogged: string | null = null;

/** A failure is logged when it starts or changes, not at every tick, and shown on the Storage screen and Overview. */
function skipped(now: number, reason: string, unreachable = false): SampleOutcome {
  recordSampleFailure(now, reason, unreachable);
  if (reason !== lastLogged) log.warn('storage sampler: no sample stored', { reason });
  lastLogged = reason;
  return { kind: 'skipped', reason };
}

/** Reads /metrics once and stores a sample per bucket of the organization; never throws. */
export async function takeStorageSample(now: number): Promise<SampleOutcome> {
  // Only /metrics and the bucket list: counting records here would cost InfluxDB a scan of every
  // series each minute for screens nobody may be looking at (the screens count on demand).
  const result = await withInflux(async (ctx) => {
    const buckets = (await ctx.influx.buckets()).filter((b) => !b.system);
    return readDiskUsage(buckets, ctx.influx.conn);
  });
  if (!result.ok) return skipped(now, result.error.message, result.error.code === 'unreachable');
  if (result.data.kind === 'disabled') return skipped(now, `/metrics answers ${result.data.status}`);
  try {
    const db = openDb();
    insertReadings(db, now, result.data.readings);
    downsample(db, now);
  } catch (e) {
    return skipped(now, `the console database could not store it (${e instanceof Error ? e.message : String(e)}); check that CONSOLE_DATA_DIR is writable`);
  }
  recordSample(now);
  if (lastLogged !== null) log.info('storage sampler: sampling again');
  lastLogged = null;
  return { kind: 'sampled', buckets: result.data.readings.length };
}
