import 'server-only';
import { influxEnv } from '../env';
import { listBuckets } from '../influx/buckets';
import { connection } from '../influx/client';
import { findOrg } from '../influx/orgs';
import { openDb } from '../db';
import { readStats } from '../stats/stats-commands';
import { readDiskUsage } from './disk';
import { downsample, insertReadings } from './samples';

/** Sampling interval: CONSOLE_SAMPLE_INTERVAL_SECONDS, default one minute. */
export function sampleIntervalMs(): number {
  const raw = Number(process.env.CONSOLE_SAMPLE_INTERVAL_SECONDS ?? '60');
  return Number.isFinite(raw) && raw >= 1 ? raw * 1000 : 60_000;
}

export type SampleOutcome = { kind: 'sampled'; buckets: number } | { kind: 'skipped'; reason: string };

/** Reads /metrics once and stores a sample per bucket of the organization; never throws. */
export async function sampleOnce(now: number = Date.now()): Promise<SampleOutcome> {
  const env = influxEnv();
  if (!env.ok) return { kind: 'skipped', reason: env.error.message };
  try {
    const conn = connection(env.data);
    const org = await findOrg(env.data.org, conn);
    if (!org) return { kind: 'skipped', reason: `organization ${env.data.org} not found` };
    // Keeps the stats cache warm, so screens answer at once even over millions of series.
    void readStats();
    const buckets = (await listBuckets({ orgID: org.id }, conn)).filter((b) => !b.system);
    const usage = await readDiskUsage(buckets, conn);
    if (usage.kind === 'disabled') return { kind: 'skipped', reason: `/metrics answers ${usage.status}` };
    const db = openDb();
    insertReadings(db, now, usage.readings);
    downsample(db, now);
    return { kind: 'sampled', buckets: usage.readings.length };
  } catch (e) {
    return { kind: 'skipped', reason: e instanceof Error ? e.message : 'unknown error' };
  }
}

const KEY = Symbol.for('homeiq-influx-console.sampler');

/** Starts sampling in the background once per process (the server's instrumentation hook calls it). */
export function startSampler(): void {
  const g = globalThis as Record<symbol, unknown>;
  if (g[KEY]) return;
  const interval = sampleIntervalMs();
  const tick = () => void sampleOnce();
  const timer = setInterval(tick, interval);
  timer.unref();
  g[KEY] = timer;
  tick();
}
