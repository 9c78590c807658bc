import 'server-only';
import { HealthAPI, ReadyAPI } from '@influxdata/influxdb-client-apis';
import type { Connection } from './client';

export interface ServerHealth {
  status: 'pass' | 'fail';
  version: string;
  commit: string;
  message: string;
}

export interface ServerReady {
  ready: boolean;
  up: string;
}

/** GET /health: unauthenticated, answers with the server version. */
export async function getHealth(conn: Connection): Promise<ServerHealth> {
  try {
    const h = await new HealthAPI(conn.probe).getHealth();
    return { status: h.status, version: h.version ?? 'unknown', commit: h.commit ?? '', message: h.message ?? '' };
  } catch (e) {
    // A failing health check answers 503 with the same body.
    const json = (e as { json?: { status?: string; version?: string; message?: string } }).json;
    if (json?.status === 'fail') {
      return { status: 'fail', version: json.version ?? 'unknown', commit: '', message: json.message ?? '' };
    }
    throw e;
  }
}

/** GET /ready. */
export async function getReady(conn: Connection): Promise<ServerReady> {
  const r = await new ReadyAPI(conn.probe).getReady();
  return { ready: r.status === 'ready', up: r.up ?? '' };
}

export function isVersion2(version: string): boolean {
  return /^v?2\./.test(version);
}
