import 'server-only';
import type { ConsoleConfig } from '../config';
import type { Result } from '../result';
import { connection } from '../influx/client';
import { getHealth } from '../influx/health';
import { toConsoleError } from '../influx/errors';
import { checkDatabase } from '../health/database';
import { overall, type HealthReport } from '../health/report';
import { samplerStatus } from '../storage/sampler-status';

/** The InfluxDB part is cached this long: the endpoint is public, so callers cannot make the console hammer InfluxDB. */
const INFLUX_TTL_MS = 5_000;
const KEY = Symbol.for('homeiq-influx-console.health-influx');

type InfluxCheck = HealthReport['checks']['influxdb'];

/** The configuration as the route parsed it: a bad one is reported as the database check's failure, not thrown. */
type Parsed = Result<ConsoleConfig>;

async function pingInflux(c: Parsed): Promise<InfluxCheck> {
  if (!c.ok || !c.data.influx.ok) return { status: 'down', message: 'InfluxDB is not configured: set INFLUXDB_URL, INFLUXDB_TOKEN and INFLUXDB_ORG.' };
  const started = performance.now();
  try {
    const h = await getHealth(connection(c.data.influx.data));
    const latencyMs = Math.round(performance.now() - started);
    return h.status === 'pass'
      ? { status: 'ok', latencyMs, version: h.version }
      : { status: 'degraded', latencyMs, version: h.version, message: `InfluxDB reports itself unhealthy: ${h.message}` };
  } catch (e) {
    const error = toConsoleError(e);
    return { status: 'down', message: `${error.message} ${error.fix}` };
  }
}

function influxCheck(c: Parsed): Promise<InfluxCheck> {
  const g = globalThis as Record<symbol, Map<string, { at: number; check: Promise<InfluxCheck> }> | undefined>;
  const cache = (g[KEY] ??= new Map());
  const url = c.ok && c.data.influx.ok ? c.data.influx.data.url : '';
  const hit = cache.get(url);
  if (hit && Date.now() - hit.at < INFLUX_TTL_MS) return hit.check;
  const entry = { at: Date.now(), check: pingInflux(c) };
  cache.clear();
  cache.set(url, entry);
  return entry.check;
}

function samplerCheck(c: ConsoleConfig | null): HealthReport['checks']['sampler'] {
  if (!c?.sampler) return { status: 'off' };
  const s = samplerStatus();
  const lastSampleAt = s.lastSampleAt === null ? null : new Date(s.lastSampleAt).toISOString();
  if (s.lastFailure) return { status: 'degraded', lastSampleAt, message: `The storage sampler failed: ${s.lastFailure.message}` };
  return { status: 'ok', lastSampleAt };
}

/** The console's health (the public /api/health): the configuration the route parsed, handed to each check. */
export async function readHealth(c: Parsed): Promise<HealthReport> {
  const database = c.ok ? checkDatabase(c.data.dataDir) : { status: 'down' as const, message: c.error.message };
  const checks = { database, influxdb: await influxCheck(c), sampler: samplerCheck(c.ok ? c.data : null) };
  return { status: overall(checks), checks };
}
