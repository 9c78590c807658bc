import 'server-only';
import { influxEnv, type InfluxEnv } from '../config';
import type { ConnectionStatus } from '../model/connection';
import { notVersion2, orgMissing } from '../messages';
import { connection, type Connection } from './client';
import { toConsoleError } from './errors';
import { getHealth, getReady, isVersion2 } from './health';
import { resolveOrg } from './session';

export type { ConnectionStatus };

/** A status that knows nothing yet: what a diagnosis fills in. */
function blankStatus(url: string | null, org: string | null): ConnectionStatus {
  return { url, org, orgID: null, version: null, health: null, healthMessage: '', ready: null, up: '', checkedAt: new Date().toISOString(), error: null };
}

/**
 * One diagnosis of the connection, in the order a person would check it: health (reachable,
 * version), readiness, then the token and the organization. /api/connection, the Overview and
 * the first verify checks all read it. `freshOrg: false` reuses the organization lookup of the last
 * minute (the banner polls every 4 s).
 */
export async function diagnose(conn: Connection, opts: { freshOrg?: boolean } = {}): Promise<ConnectionStatus> {
  const status = blankStatus(conn.env.url, conn.env.org);
  try {
    const health = await getHealth(conn);
    status.version = health.version;
    status.health = health.status;
    status.healthMessage = health.message;
    const ready = await getReady(conn);
    status.ready = ready.ready;
    status.up = ready.up;
    if (!isVersion2(health.version)) {
      status.error = notVersion2(health.version);
      return status;
    }
    const org = await resolveOrg(conn, { fresh: opts.freshOrg ?? true });
    if (!org) {
      status.error = orgMissing(conn.env.org);
      return status;
    }
    status.orgID = org.id;
  } catch (e) {
    status.error = toConsoleError(e);
  }
  return status;
}

/** The diagnosis of the configured connection; a configuration error is reported, not thrown. */
export async function readConnectionStatus(env?: InfluxEnv): Promise<ConnectionStatus> {
  const configured = env ? { ok: true as const, data: env } : influxEnv();
  if (!configured.ok) {
    return { ...blankStatus(null, null), error: configured.error };
  }
  return diagnose(connection(configured.data), { freshOrg: false });
}
