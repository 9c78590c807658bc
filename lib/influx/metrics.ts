import 'server-only';
import { PROBE_TIMEOUT_MS, type Connection } from './client';

export type MetricsFetch = { kind: 'ok'; text: string } | { kind: 'disabled'; status: number };

/** GET /metrics (Prometheus text format; unauthenticated by default, 403/404 when disabled). */
export async function fetchMetrics(conn: Connection): Promise<MetricsFetch> {
  const res = await fetch(`${conn.env.url}/metrics`, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS), headers: { Authorization: `Token ${conn.env.token}` } });
  if (res.status === 403 || res.status === 404 || res.status === 401) {
    await res.body?.cancel();
    return { kind: 'disabled', status: res.status };
  }
  if (!res.ok) throw Object.assign(new Error(`/metrics answered ${res.status}`), { statusCode: res.status });
  return { kind: 'ok', text: await res.text() };
}
