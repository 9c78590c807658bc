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

/** The ID of a bucket of an organization (homeiq unless named), or null when it has none by that name. */
export async function rawBucketId(name: string, org = 'homeiq'): Promise<string | null> {
  const res = await rawApi(`/api/v2/buckets?orgID=${await rawOrgId(org)}&name=${encodeURIComponent(name)}`);
  if (res.status !== 200 && res.status !== 404) throw new Error(`finding bucket ${name}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { buckets?: { id: string }[] }).buckets?.[0]?.id ?? null;
}

/** Writes line protocol through the raw API (nanosecond times unless told); anything but InfluxDB's 204 fails. */
export async function rawWrite(bucket: string, lines: readonly string[], precision: 'ns' | 'ms' = 'ns'): Promise<void> {
  const res = await rawApi(`/api/v2/write?org=homeiq&bucket=${encodeURIComponent(bucket)}&precision=${precision}`, {
    method: 'POST',
    body: lines.join('\n'),
    headers: { 'Content-Type': 'text/plain' },
  });
  if (res.status !== 204) throw new Error(`writing to ${bucket}: ${res.status} ${await res.text()}`);
}

/**
 * A bucket of homeiq created through the raw API with exactly these retention rules (and description),
 * then `lines` written into it: the source a test changes, set up around the code under test.
 */
export async function rawSeedBucket(
  bucket: { name: string; retentionRules: { type: 'expire'; everySeconds: number; shardGroupDurationSeconds?: number }[]; description?: string },
  lines: readonly string[],
): Promise<void> {
  const res = await rawApi('/api/v2/buckets', { method: 'POST', body: JSON.stringify({ orgID: await rawOrgId('homeiq'), ...bucket }) });
  if (res.status !== 201) throw new Error(`creating ${bucket.name}: ${res.status} ${await res.text()}`);
  await rawWrite(bucket.name, lines);
}

/** The series an InfluxQL query answers (times in nanoseconds), read straight from InfluxDB; anything but 200 fails. */
export async function rawInfluxql(db: string, q: string): Promise<{ columns: string[]; values: unknown[][] }[]> {
  const res = await rawApi(`/query?db=${encodeURIComponent(db)}&q=${encodeURIComponent(q)}&epoch=ns`, { headers: { Accept: 'application/json' } });
  if (res.status !== 200) throw new Error(`InfluxQL ${q}: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { results: { series?: { columns: string[]; values: unknown[][] }[] }[] };
  return body.results[0]?.series ?? [];
}
