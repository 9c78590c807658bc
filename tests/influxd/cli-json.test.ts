import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '@/cli/run';
import { resetBuckets } from '../support/reset';

/** Runs a CLI command in-process and parses what it printed on stdout as JSON. */
async function cliJson(args: string[]): Promise<{ code: number; json: unknown }> {
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const code = await runCli(args);
    return { code, json: JSON.parse(out.mock.calls.map((c) => String(c[0])).join('')) };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

const bucketKeys = ['description', 'id', 'name', 'retentionSeconds', 'system'];

describe('the CLI JSON shapes (public contracts)', () => {
  beforeEach(resetBuckets);
  afterEach(resetBuckets);

  it('provision --json: {applied, steps: [{bucket, action, destructive, from?, to?}]}', async () => {
    const dry = await cliJson(['provision', '--dry-run', '--json']);
    expect(dry.code).toBe(0);
    expect(dry.json).toMatchObject({
      applied: false,
      steps: [
        { bucket: 'pattern_aggregates_daily', action: 'create', destructive: false },
        { bucket: 'pattern_aggregates_weekly', action: 'create', destructive: false },
      ],
    });
    const run = await cliJson(['provision', '--json']);
    expect(run.code).toBe(0);
    const result = run.json as { applied: boolean; steps: { bucket: string; action: string; destructive: boolean; to: { retention: string } }[] };
    expect(result.applied).toBe(true);
    expect(result.steps.map((s) => [s.bucket, s.action, s.destructive, s.to.retention])).toEqual([
      ['pattern_aggregates_daily', 'create', false, '90d'],
      ['pattern_aggregates_weekly', 'create', false, '365d'],
    ]);
    const again = await cliJson(['provision', '--json']);
    const noop = again.json as { steps: { action: string; from?: { retention: string } }[] };
    expect(noop.steps.map((s) => s.action)).toEqual(['noop', 'noop']);
    expect(noop.steps[0]?.from?.retention).toBe('90d');
  });

  it('buckets list --json: [{id, name, retentionSeconds, description, system}]', async () => {
    await cliJson(['provision', '--json']);
    const { code, json } = await cliJson(['buckets', 'list', '--json']);
    expect(code).toBe(0);
    const list = json as Record<string, unknown>[];
    for (const b of list) expect(Object.keys(b).sort()).toEqual(bucketKeys);
    expect(list.find((b) => b.name === 'pattern_aggregates_daily')).toMatchObject({ retentionSeconds: 90 * 86_400, system: false });
    expect(list.find((b) => b.name === '_monitoring')).toMatchObject({ system: true });
  });

  it('stats --json: {buckets: [{name, diskBytes, projection, measurements: [{name, records, series, tagSets, firstTime, lastTime}]}]}', async () => {
    await cliJson(['provision', '--json']);
    await runCli(['seed', '--days', '3', '--weeks', '2', '--entities', '2']);
    const { code, json } = await cliJson(['stats', '--fresh', '--json']);
    expect(code).toBe(0);
    const buckets = (json as { buckets: Record<string, unknown>[] }).buckets;
    expect(buckets.map((b) => b.name)).toEqual(['pattern_aggregates_daily', 'pattern_aggregates_weekly']);
    for (const b of buckets) {
      expect(b).toHaveProperty('diskBytes');
      expect(b).toHaveProperty('projection');
      expect(Date.parse(String(b.countedAt))).toBeGreaterThan(Date.now() - 60_000);
      expect(b.recountedSlices).toBeGreaterThan(2);
      for (const m of b.measurements as Record<string, unknown>[]) {
        for (const key of ['name', 'records', 'series', 'tagSets', 'firstTime', 'lastTime']) expect(m).toHaveProperty(key);
      }
    }
    const daily = (buckets[0]?.measurements as { name: string; records: number }[]).find((m) => m.name === 'time_based_daily');
    expect(daily?.records).toBe(3 * 2);
  });

  it('verify --json: {ok, checks: [{id, status, detail, fix}]}, exit 1 while buckets are missing', async () => {
    const missing = await cliJson(['verify', '--json']);
    expect(missing.code).toBe(1);
    expect((missing.json as { ok: boolean }).ok).toBe(false);
    await cliJson(['provision', '--json']);
    const { code, json } = await cliJson(['verify', '--json']);
    expect(code).toBe(0);
    const report = json as { ok: boolean; checks: Record<string, unknown>[] };
    expect(report.ok).toBe(true);
    expect(report.checks.length).toBe(24);
    for (const c of report.checks) {
      for (const key of ['id', 'status', 'detail', 'fix']) expect(c).toHaveProperty(key);
      expect(['pass', 'warn', 'fail', 'skipped']).toContain(c.status);
    }
  });
});
