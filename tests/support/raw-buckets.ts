import { rawApi } from './reset';

/** A bucket as InfluxDB's REST API answers it: what a test checks, read around the code under test. */
export interface RawBucket {
  id: string;
  name: string;
  orgID: string;
  description?: string;
  retentionSeconds: number;
}

interface ApiBucket {
  id: string;
  name: string;
  orgID: string;
  description?: string;
  retentionRules: { type: string; everySeconds: number }[];
}

/** The id of an organization, by name. */
export async function rawOrgId(name: string): Promise<string> {
  const res = await rawApi(`/api/v2/orgs?org=${encodeURIComponent(name)}`);
  const body = (await res.json()) as { orgs?: { id: string }[] };
  const id = body.orgs?.[0]?.id;
  if (res.status !== 200 || !id) throw new Error(`no organization ${name}: ${res.status}`);
  return id;
}

/** Every bucket of an organization, paged through the raw API. */
export async function rawBuckets(orgID: string): Promise<RawBucket[]> {
  const out: RawBucket[] = [];
  for (let offset = 0; ; offset += 100) {
    const res = await rawApi(`/api/v2/buckets?orgID=${orgID}&limit=100&offset=${offset}`);
    if (res.status !== 200) throw new Error(`listing buckets: ${res.status} ${await res.text()}`);
    const page = ((await res.json()) as { buckets: ApiBucket[] }).buckets;
    for (const b of page)
      out.push({
        id: b.id,
        name: b.name,
        orgID: b.orgID,
        description: b.description,
        retentionSeconds: b.retentionRules.find((r) => r.type === 'expire')?.everySeconds ?? 0,
      });
    if (page.length < 100) return out;
  }
}

/** Creates a bucket through the raw API (state set-up that must not go through the code under test). */
export async function rawCreateBucket(orgID: string, name: string, retentionSeconds: number, description = ''): Promise<RawBucket> {
  const retentionRules = retentionSeconds > 0 ? [{ type: 'expire', everySeconds: retentionSeconds }] : [];
  const res = await rawApi('/api/v2/buckets', { method: 'POST', body: JSON.stringify({ orgID, name, description, retentionRules }) });
  if (res.status !== 201) throw new Error(`creating ${name}: ${res.status} ${await res.text()}`);
  const b = (await res.json()) as ApiBucket;
  return { id: b.id, name: b.name, orgID: b.orgID, description: b.description, retentionSeconds };
}
