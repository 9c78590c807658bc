import { connection } from '@/lib/influx/client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '@/lib/auth/actor';
import { ensureAdminPassword } from '@/lib/auth/credentials';
import { SESSION_COOKIE } from '@/lib/auth/session';
import { startSession } from '@/lib/auth/sessions';
import { provision } from '@/lib/provision/apply';
import { ai5Spec } from '@/lib/spec/load';
import { forgetCachedReads } from '@/lib/stats/memo';
import { deleteBucket } from '@/lib/use-cases/delete-bucket';
import { loadSampleData } from '@/lib/use-cases/load-sample-data';
import { setBudget } from '@/lib/use-cases/set-budget';
import { updateBucket } from '@/lib/use-cases/update-bucket';
import { GET as statsRoute } from '@/app/api/stats/route';
import { POST as verifyRoute } from '@/app/api/verify/route';
import { rawApi, resetBuckets } from '../support/reset';

/** A bucket of another organization, made through the raw API: the console must not touch it. */
let victim = { orgID: '', id: '' };

async function victimNow(): Promise<{ name: string; retention: number } | null> {
  const res = await rawApi(`/api/v2/buckets/${victim.id}`);
  if (res.status === 404) return null;
  const b = (await res.json()) as { name: string; retentionRules: { everySeconds: number }[] };
  return { name: b.name, retention: b.retentionRules[0]?.everySeconds ?? 0 };
}

async function points(bucket: string): Promise<number> {
  const res = await rawApi('/api/v2/query?org=homeiq', {
    method: 'POST',
    body: JSON.stringify({
      query: `from(bucket: "${bucket}") |> range(start: 0) |> filter(fn: (r) => r._field == "confidence") |> count() |> group() |> sum()`,
    }),
  });
  const line = (await res.text())
    .trim()
    .split('\n')
    .find((l) => /^,_result,/.test(l));
  return Number(line?.split(',').at(-1) ?? 0);
}

beforeAll(async () => {
  // Sessions are server-side and issued under the role's password.
  process.env.CONSOLE_VIEWER_PASSWORD ??= 'integration-viewer-password';
  await ensureAdminPassword();
  const org = (await (await rawApi('/api/v2/orgs', { method: 'POST', body: JSON.stringify({ name: 'victim-org' }) })).json()) as { id: string };
  const bucket = (await (
    await rawApi('/api/v2/buckets', {
      method: 'POST',
      body: JSON.stringify({ orgID: org.id, name: 'victim', retentionRules: [{ type: 'expire', everySeconds: 30 * 86_400 }] }),
    })
  ).json()) as { id: string };
  victim = { orgID: org.id, id: bucket.id };
});

afterAll(async () => {
  await rawApi(`/api/v2/orgs/${victim.orgID}`, { method: 'DELETE' });
});

describe('what an attacker tried, refused by the use cases and routes', () => {
  beforeEach(async () => {
    await resetBuckets();
    forgetCachedReads();
  });

  it('confines update and delete by ID to the configured organization: not_found, no name revealed, nothing changed', async () => {
    const update = await updateBucket({ id: victim.id, retention: '1h', description: 'pwned', confirmName: 'victim' }, CLI_ACTOR);
    const remove = await deleteBucket({ id: victim.id, confirmName: 'wrong name' }, CLI_ACTOR);
    const removeNamed = await deleteBucket({ id: victim.id, confirmName: 'victim' }, CLI_ACTOR);
    for (const r of [update, remove, removeNamed]) {
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe('not_found');
      expect(JSON.stringify(r.error)).not.toContain('victim');
    }
    expect(await victimNow()).toEqual({ name: 'victim', retention: 30 * 86_400 });
  });

  it('loads sample data only into empty AI-5 buckets: a second load is refused and writes nothing', async () => {
    await provision(ai5Spec(), undefined, connection());
    const sample = { days: 3, weeks: 2, entities: 2, seed: 1 };
    const first = await loadSampleData(CLI_ACTOR, { sample, onlyIntoEmpty: true });
    expect(first.ok).toBe(true);
    const before = await points('pattern_aggregates_daily');
    // The sample's size is the generator's business; what matters is that the refused load leaves it so.
    expect(before).toBeGreaterThan(0);
    const second = await loadSampleData(CLI_ACTOR, { sample: { ...sample, seed: 2, days: 5 }, onlyIntoEmpty: true });
    expect(second.ok).toBe(false);
    if (!second.ok) {
      expect(second.error.code).toBe('conflict');
      expect(second.error.message).toContain('only into empty buckets');
    }
    expect(await points('pattern_aggregates_daily')).toBe(before);
  });

  it('takes budgets as decimal whole numbers for buckets that exist, with a clear message for each mistake', async () => {
    await provision(ai5Spec(), undefined, connection());
    for (const maxRecords of ['0x10', '1e3', '12.5', '-3', ' 1 0 ', 'NaN']) {
      const r = await setBudget({ bucketName: 'pattern_aggregates_daily', maxBytes: null, maxRecords }, CLI_ACTOR);
      expect(!r.ok && r.error.fields?.maxRecords, maxRecords).toContain('decimal digits');
    }
    const missing = await setBudget({ bucketName: 'pattern_aggregates_daily', maxBytes: null }, CLI_ACTOR);
    expect(!missing.ok && missing.error.fields?.maxRecords).toBe('maxRecords is required: a whole number above zero, or null for none.');
    const unknown = await setBudget({ bucketName: 'no_such_bucket', maxBytes: 1, maxRecords: null }, CLI_ACTOR);
    expect(!unknown.ok && unknown.error.code).toBe('not_found');
    const good = await setBudget({ bucketName: 'pattern_aggregates_daily', maxBytes: null, maxRecords: '12,000' }, CLI_ACTOR);
    expect(good.ok && good.data.maxRecords).toBe(12_000);
  });

  it('answers full=1 (every slice counted again) to the admin only, fresh=1 to any role, and names an unknown check', async () => {
    await provision(ai5Spec(), undefined, connection());
    const viewer = `${SESSION_COOKIE}=${await startSession('viewer')}`;
    const admin = `${SESSION_COOKIE}=${await startSession('admin')}`;
    const asViewer = await statsRoute(new Request('http://console.test/api/stats?full=1', { headers: { cookie: viewer } }));
    expect(asViewer.status).toBe(403);
    expect(((await asViewer.json()) as { error: { code: string } }).error.code).toBe('read_only');
    expect((await statsRoute(new Request('http://console.test/api/stats', { headers: { cookie: viewer } }))).status).toBe(200);
    expect((await statsRoute(new Request('http://console.test/api/stats?fresh=1', { headers: { cookie: viewer } }))).status).toBe(200);
    expect((await statsRoute(new Request('http://console.test/api/stats?full=1', { headers: { cookie: admin } }))).status).toBe(200);
    const nope = await verifyRoute(new Request('http://console.test/api/verify?only=nope', { method: 'POST', headers: { cookie: admin } }));
    expect(nope.status).toBe(400);
    expect(((await nope.json()) as { error: { message: string } }).error.message).toBe('Unknown check "nope".');
  });
});
