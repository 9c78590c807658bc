import type { E2eInfluxd } from './servers';

/** Direct REST calls to a test influxd, for setting up and checking state around the UI. */
export function influxApi(server: E2eInfluxd) {
  async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
    const res = await fetch(`${server.url}${path}`, {
      ...init,
      headers: { Authorization: `Token ${server.token}`, 'Content-Type': 'application/json', ...(init.headers ?? {}) },
    });
    if (!res.ok && res.status !== 204) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`);
    return (res.status === 204 ? undefined : await res.json()) as T;
  }
  async function orgID(): Promise<string> {
    const res = await call<{ orgs: { id: string }[] }>('/api/v2/orgs?org=homeiq');
    return res.orgs[0]?.id ?? '';
  }
  async function buckets(): Promise<
    { id: string; name: string; type: string; retentionRules: { everySeconds: number; shardGroupDurationSeconds?: number }[] }[]
  > {
    const res = await call<{
      buckets: { id: string; name: string; type: string; retentionRules: { everySeconds: number; shardGroupDurationSeconds?: number }[] }[];
    }>(`/api/v2/buckets?orgID=${await orgID()}&limit=100`);
    return res.buckets;
  }
  return {
    call,
    orgID,
    buckets,
    /** Removes every bucket but the system ones and onboarding's `homeiq`. */
    async reset(): Promise<void> {
      for (const b of await buckets()) {
        if (b.type !== 'system' && b.name !== 'homeiq') await call(`/api/v2/buckets/${b.id}`, { method: 'DELETE' });
      }
    },
    /** Writes line protocol (nanosecond times); anything but InfluxDB's 204 fails the test. */
    async write(bucket: string, lines: readonly string[]): Promise<void> {
      const path = `/api/v2/write?org=homeiq&bucket=${encodeURIComponent(bucket)}&precision=ns`;
      const res = await fetch(`${server.url}${path}`, { method: 'POST', headers: { Authorization: `Token ${server.token}` }, body: lines.join('\n') });
      if (res.status !== 204) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
    },
    /** A Flux query's annotated CSV, read straight from InfluxDB (not through the console); anything but 200 fails the test. */
    async flux(query: string): Promise<string> {
      const res = await fetch(`${server.url}/api/v2/query?org=homeiq`, {
        method: 'POST',
        headers: { Authorization: `Token ${server.token}`, 'Content-Type': 'application/vnd.flux', Accept: 'application/csv' },
        body: query,
      });
      if (res.status !== 200) throw new Error(`query: ${res.status} ${await res.text()}`);
      return res.text();
    },
    async createBucket(name: string, everySeconds: number, description = ''): Promise<void> {
      await call('/api/v2/buckets', {
        method: 'POST',
        body: JSON.stringify({ orgID: await orgID(), name, description, retentionRules: [{ type: 'expire', everySeconds }] }),
      });
    },
  };
}
