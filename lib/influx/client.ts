import 'server-only';
import { InfluxDB } from '@influxdata/influxdb-client';
import { requireInfluxEnv, type InfluxEnv } from '../env';

/** Long enough for stats over a million points, short enough that a dead server is noticed. */
const DEFAULT_TIMEOUT_MS = 30_000;
/** Health and readiness answer in milliseconds when InfluxDB is up. */
export const PROBE_TIMEOUT_MS = 3_000;

export interface Connection {
  env: InfluxEnv;
  influx: InfluxDB;
  /** The same server with a short timeout, for health and readiness probes. */
  probe: InfluxDB;
}

let cached: { key: string; connection: Connection } | undefined;

/** The one place that constructs InfluxDB clients; explicit env is for tests and the CLI's checks. */
export function connection(env: InfluxEnv = requireInfluxEnv()): Connection {
  const key = `${env.url}\u0000${env.token}\u0000${env.org}`;
  if (cached?.key === key) return cached.connection;
  const conn: Connection = {
    env,
    influx: new InfluxDB({ url: env.url, token: env.token, timeout: DEFAULT_TIMEOUT_MS }),
    probe: new InfluxDB({ url: env.url, token: env.token, timeout: PROBE_TIMEOUT_MS }),
  };
  cached = { key, connection: conn };
  return conn;
}
