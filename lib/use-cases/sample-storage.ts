import 'server-only';
import { openDb } from '../db';
import { config } from '../config';
import { readDiskUsage } from '../storage/disk';
import { recordSample, recordSampleFailure } from '../storage/sampler-status';
import { downsample, insertReadings } from '../storage/samples';
import { evaluateAlerts } from './shared/alerting';
import { withInflux } from './context';
import { log } from '../log';

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
export async function sampleOnce(now: number = Date.now()): Promise<SampleOutcome> {
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

const KEY = Symbol.for('homeiq-influx-console.sampler');

/** Starts sampling in the background once per process (the server's instrumentation hook calls it). */
export function startSampler(): void {
  const g = globalThis as Record<symbol, unknown>;
  if (g[KEY]) return;
  const c = config();
  if (!c.ok || !c.data.sampler) return;
  // ±10 % jitter: consoles started together do not scrape /metrics in step.
  const next = () => {
    const timer = setTimeout(() => void tick().finally(next), c.data.sampleIntervalMs * (0.9 + Math.random() * 0.2));
    timer.unref();
    g[KEY] = timer;
  };
  g[KEY] = true;
  void tick().finally(next);
}

/** One round of the background work: a storage sample, then the alerts that depend on it. */
async function tick(): Promise<void> {
  await sampleOnce();
  await evaluateAlerts().catch((e: unknown) => log.error('alerts: evaluation failed', { error: e instanceof Error ? e.message : String(e) }));
}
