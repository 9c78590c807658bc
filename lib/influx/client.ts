import 'server-only';
import { InfluxDB } from '@influxdata/influxdb-client';
import { requireInfluxEnv, type InfluxEnv } from '../config';

/** API calls (buckets, orgs, writes): short enough that a hung server is noticed. */
const DEFAULT_TIMEOUT_MS = 30_000;
/** Flux queries: counting a million series takes InfluxDB a minute or more. */
const QUERY_TIMEOUT_MS = 10 * 60_000;
/** Health and readiness answer in milliseconds when InfluxDB is up. */
export const PROBE_TIMEOUT_MS = 3_000;

export interface Connection {
  env: InfluxEnv;
  influx: InfluxDB;
  /** The same server with a long timeout, for Flux queries. */
  query: InfluxDB;
  /** The same server with a short timeout, for health and readiness probes. */
  probe: InfluxDB;
}

let cached: { key: string; connection: Connection } | undefined;

/** The one place that constructs InfluxDB clients; explicit env is for tests and the CLI's checks. */
export function connection(env: InfluxEnv = requireInfluxEnv()): Connection {
  const key = connectionKey(env);
  if (cached?.key === key) return cached.connection;
  const conn: Connection = {
    env,
    influx: new InfluxDB({ url: env.url, token: env.token, timeout: DEFAULT_TIMEOUT_MS }),
    query: new InfluxDB({ url: env.url, token: env.token, timeout: QUERY_TIMEOUT_MS }),
    probe: new InfluxDB({ url: env.url, token: env.token, timeout: PROBE_TIMEOUT_MS }),
  };
  cached = { key, connection: conn };
  return conn;
}

export function connectionKey(env: InfluxEnv): string {
  return `${env.url}\u0000${env.token}\u0000${env.org}`;
}
