import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '@/cli/run';
import { CLI_ACTOR } from '@/lib/auth/actor';
import { ai5Spec } from '@/lib/spec/load';
import { startupProblem } from '@/lib/startup';
import { applyProvision } from '@/lib/use-cases/apply-provision';
import { listBuckets } from '@/lib/use-cases/list-buckets';
import { readStats } from '@/lib/use-cases/read-stats';
import { runChecks } from '@/lib/use-cases/run-checks';
import { rawApi, resetBuckets } from '../support/reset';

/** Every bucket on the server, all organizations, straight from the API. */
async function allBuckets(): Promise<{ name: string; orgID: string }[]> {
  const res = await rawApi('/api/v2/buckets?limit=100');
  return ((await res.json()) as { buckets: { name: string; orgID: string }[] }).buckets;
}

function specFile(org: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'console-spec-')), 'spec.json');
  const { buckets, name } = ai5Spec();
  writeFileSync(path, JSON.stringify({ name, org, buckets: buckets.map((b) => ({ ...b, retention: `${b.retention}s` })) }));
  return path;
}

const AI5 = ['pattern_aggregates_daily', 'pattern_aggregates_weekly'];
const saved = { org: process.env.INFLUXDB_ORG, spec: process.env.CONSOLE_SPEC };
let otherID = '';

beforeAll(async () => {
  const me = (await (await rawApi('/api/v2/orgs?org=homeiq')).json()) as { orgs: { id: string }[] };
  const res = await rawApi('/api/v2/orgs', { method: 'POST', body: JSON.stringify({ name: 'other' }) });
  otherID = ((await res.json()) as { id: string }).id;
  expect(me.orgs[0]?.id).toMatch(/^[0-9a-f]{16}$/);
});

afterEach(async () => {
  process.env.INFLUXDB_ORG = saved.org;
  if (saved.spec === undefined) delete process.env.CONSOLE_SPEC;
  else process.env.CONSOLE_SPEC = saved.spec;
  for (const b of await allBuckets()) {
    if (b.orgID === otherID) {
      const id = ((await (await rawApi(`/api/v2/buckets?orgID=${otherID}&name=${encodeURIComponent(b.name)}`)).json()) as { buckets: { id: string }[] })
        .buckets[0]?.id;
      if (id) await rawApi(`/api/v2/buckets/${id}`, { method: 'DELETE' });
    }
  }
  await resetBuckets();
});

afterAll(async () => {
  await rawApi(`/api/v2/orgs/${otherID}`, { method: 'DELETE' });
});

describe('one organization for everything', () => {
  it('refuses a spec naming another organization than INFLUXDB_ORG: a clear configuration error, no bucket created anywhere', async () => {
    process.env.CONSOLE_SPEC = specFile('other');
    process.env.INFLUXDB_ORG = 'homeiq';
    const before = (await allBuckets()).map((b) => `${b.orgID}/${b.name}`).sort();

    const problem = startupProblem();
    expect(problem?.code).toBe('config');
    expect(problem?.message).toContain('"other"');
    expect(problem?.message).toContain('INFLUXDB_ORG is "homeiq"');

    const applied = await applyProvision({}, CLI_ACTOR);
    expect(!applied.ok && applied.error.code).toBe('config');
    const listed = await listBuckets();
    expect(!listed.ok && listed.error.code).toBe('config');

    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await runCli(['provision', '--yes'])).toBe(1);
      const said = err.mock.calls.map((c) => String(c[0])).join('');
      expect(said).toContain('names organization "other", but INFLUXDB_ORG is "homeiq"');
      expect(said).toContain('fix:');
    } finally {
      err.mockRestore();
      out.mockRestore();
    }
    expect((await allBuckets()).map((b) => `${b.orgID}/${b.name}`).sort()).toEqual(before);
  });

  it('acts on the one configured organization everywhere when the spec and INFLUXDB_ORG both name it', async () => {
    process.env.CONSOLE_SPEC = specFile('other');
    process.env.INFLUXDB_ORG = 'other';
    expect(startupProblem()).toBeNull();

    const applied = await applyProvision({}, CLI_ACTOR);
    expect(applied.ok && applied.data.applied).toBe(true);
    const all = await allBuckets();
    for (const name of AI5) {
      expect(all.filter((b) => b.name === name).map((b) => b.orgID)).toEqual([otherID]);
    }

    const listed = await listBuckets();
    expect(
      listed.ok &&
        listed.data
          .filter((b) => b.managed)
          .map((b) => b.name)
          .sort(),
    ).toEqual(AI5);
    expect(listed.ok && listed.data.every((b) => b.orgID === otherID)).toBe(true);

    const stats = await readStats(undefined, { mode: 'fresh' });
    expect(stats.ok && stats.data.map((b) => b.name)).toEqual(AI5);

    const report = await runChecks(CLI_ACTOR);
    expect(report.ok && report.data?.org).toBe('other');
    const failed = report.ok ? (report.data?.checks ?? []).filter((c) => c.status === 'fail') : [{ id: 'run' }];
    expect(failed).toEqual([]);
  });
});
