import 'server-only';
import { influxEnv } from '../env';
import { connection } from './client';
import { consoleError, toConsoleError, type ConsoleError } from './errors';
import { getHealth, getReady, isVersion2 } from './health';
import { findOrg } from './orgs';

/** What the Overview shows about the connection; safe for the browser (no token). */
export interface ConnectionStatus {
  url: string | null;
  org: string | null;
  orgID: string | null;
  version: string | null;
  health: 'pass' | 'fail' | null;
  ready: boolean | null;
  checkedAt: string;
  error: ConsoleError | null;
}

export async function readConnectionStatus(): Promise<ConnectionStatus> {
  const checkedAt = new Date().toISOString();
  const env = influxEnv();
  if (!env.ok) return { url: null, org: null, orgID: null, version: null, health: null, ready: null, checkedAt, error: env.error };
  const { url, org } = env.data;
  const status: ConnectionStatus = { url, org, orgID: null, version: null, health: null, ready: null, checkedAt, error: null };
  const conn = connection(env.data);
  try {
    const health = await getHealth(conn);
    status.version = health.version;
    status.health = health.status;
    status.ready = (await getReady(conn)).ready;
    if (!isVersion2(health.version)) {
      status.error = consoleError('invalid', `The server reports version ${health.version}; the console needs InfluxDB 2.x.`, 'Point INFLUXDB_URL at an InfluxDB 2.x server.');
      return status;
    }
    const found = await findOrg(org, conn);
    if (!found) {
      status.error = consoleError('not_found', `Organization "${org}" does not exist, or the token cannot see it.`, `Check INFLUXDB_ORG, or create it: influx org create -n ${org}`);
      return status;
    }
    status.orgID = found.id;
  } catch (e) {
    status.error = toConsoleError(e);
  }
  return status;
}
