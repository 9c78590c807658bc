import { deleteBucket, listBuckets } from '@/lib/influx/buckets';
import { connection } from '@/lib/influx/client';
import { requireOrg } from '@/lib/influx/orgs';

/** Deletes every bucket of the test server except the system ones and onboarding's `homeiq`. */
export async function resetBuckets(): Promise<void> {
  const conn = connection();
  const org = await requireOrg(conn.env.org, conn);
  const buckets = await listBuckets({ orgID: org.id }, conn);
  for (const b of buckets) {
    if (!b.system && b.name !== 'homeiq') await deleteBucket(b.id, conn);
  }
}

/** A raw REST call with the test token: state set-up that must not go through the code under test. */
export async function rawApi(path: string, init: RequestInit = {}): Promise<Response> {
  const url = process.env.INFLUXDB_URL ?? '';
  return fetch(`${url}${path}`, {
    ...init,
    headers: { Authorization: `Token ${process.env.INFLUXDB_TOKEN}`, 'Content-Type': 'application/json', ...(init.headers ?? {}) },
  });
}
