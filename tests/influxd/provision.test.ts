import { beforeEach, describe, expect, it } from 'vitest';
import { listBuckets } from '@/lib/influx/buckets';
import { connection } from '@/lib/influx/client';
import { apply, provision, readPlan } from '@/lib/provision/apply';
import { ai5Spec } from '@/lib/spec/load';
import { rawBuckets, rawCreateBucket, rawOrgId } from '../support/raw-buckets';
import { rawApi, resetBuckets } from '../support/reset';

const spec = ai5Spec();
const DAY = 86_400;

/** The AI-5 buckets as InfluxDB's REST API lists them: results are read around the code under test. */
async function specBuckets() {
  const buckets = await rawBuckets(await rawOrgId('homeiq'));
  return buckets.filter((b) => b.name.startsWith('pattern_aggregates_')).sort((a, b) => a.name.localeCompare(b.name));
}

describe('provisioning against a real influxd', () => {
  beforeEach(resetBuckets);

  it('provisions both AI-5 buckets from empty with the seed retentions and descriptions', async () => {
    const result = await provision(spec, undefined, connection());
    expect(result.applied).toBe(true);
    expect(result.steps.map((s) => [s.bucket, s.action, s.status])).toEqual([
      ['pattern_aggregates_daily', 'create', 'done'],
      ['pattern_aggregates_weekly', 'create', 'done'],
    ]);
    const byName = Object.fromEntries((await specBuckets()).map((b) => [b.name, b]));
    expect(byName.pattern_aggregates_daily?.retentionSeconds).toBe(7_776_000);
    expect(byName.pattern_aggregates_weekly?.retentionSeconds).toBe(31_536_000);
    expect(byName.pattern_aggregates_daily?.description).toBe('Daily pattern aggregates (Epic AI-5)');
    expect(Object.keys(byName)).toEqual(['pattern_aggregates_daily', 'pattern_aggregates_weekly']);
  });

  it('finds nothing to do on a second run, and leaves the same state', async () => {
    await provision(spec, undefined, connection());
    const before = await specBuckets();
    const second = await provision(spec, undefined, connection());
    expect(second.steps.map((s) => s.action)).toEqual(['noop', 'noop']);
    expect(second.steps.map((s) => s.status)).toEqual(['noop', 'noop']);
    const after = await specBuckets();
    expect(after.map((b) => [b.id, b.retentionSeconds, b.description])).toEqual(before.map((b) => [b.id, b.retentionSeconds, b.description]));
  });

  it('updates a pre-existing 30d daily bucket to 90d, keeping its id', async () => {
    const existing = await rawCreateBucket(await rawOrgId('homeiq'), 'pattern_aggregates_daily', 30 * DAY);
    const result = await provision(spec, undefined, connection());
    const step = result.steps.find((s) => s.bucket === 'pattern_aggregates_daily');
    expect(step).toMatchObject({ action: 'update', destructive: false, status: 'done' });
    const daily = (await specBuckets()).find((b) => b.name === 'pattern_aggregates_daily');
    expect(daily?.id).toBe(existing.id);
    expect(daily?.retentionSeconds).toBe(90 * DAY);
  });

  it('flags a 400d daily bucket as destructive and leaves it alone without confirmation', async () => {
    await rawCreateBucket(await rawOrgId('homeiq'), 'pattern_aggregates_daily', 400 * DAY, 'Daily pattern aggregates (Epic AI-5)');
    const result = await provision(spec, undefined, connection());
    const step = result.steps.find((s) => s.bucket === 'pattern_aggregates_daily');
    expect(step).toMatchObject({ action: 'update', destructive: true, status: 'skipped' });
    expect(step?.message).toContain('400d');
    expect(result.applied).toBe(false);
    const daily = (await specBuckets()).find((b) => b.name === 'pattern_aggregates_daily');
    expect(daily?.retentionSeconds).toBe(400 * DAY);

    const confirmed = await provision(spec, { confirm: ['pattern_aggregates_daily'] }, connection());
    expect(confirmed.steps.find((s) => s.bucket === 'pattern_aggregates_daily')?.status).toBe('done');
    expect((await specBuckets()).find((b) => b.name === 'pattern_aggregates_daily')?.retentionSeconds).toBe(90 * DAY);
  });

  it('reports a same-name bucket in another organization and does not touch it', async () => {
    const orgRes = await rawApi('/api/v2/orgs', { method: 'POST', body: JSON.stringify({ name: `other-${Date.now()}` }) });
    expect(orgRes.status).toBe(201);
    const other = (await orgRes.json()) as { id: string };
    const created = await rawCreateBucket(other.id, 'pattern_aggregates_weekly', 7 * DAY, 'theirs');
    const result = await provision(spec, undefined, connection());
    expect(result.plan.notes.map((n) => n.bucket)).toContain('pattern_aggregates_weekly');
    expect(result.steps.find((s) => s.bucket === 'pattern_aggregates_weekly')?.action).toBe('create');
    expect((await rawBuckets(other.id)).filter((b) => !b.name.startsWith('_'))).toEqual([created]);
    expect((await specBuckets()).map((b) => [b.name, b.retentionSeconds])).toEqual([
      ['pattern_aggregates_daily', 90 * DAY],
      ['pattern_aggregates_weekly', 365 * DAY],
    ]);
    await rawApi(`/api/v2/orgs/${other.id}`, { method: 'DELETE' });
  });

  it('lists all 150 extra buckets across pages, plus the system buckets', async () => {
    const orgID = await rawOrgId('homeiq');
    const names = Array.from({ length: 150 }, (_, i) => `extra_${String(i).padStart(3, '0')}`);
    for (let i = 0; i < names.length; i += 15) {
      await Promise.all(names.slice(i, i + 15).map((n) => rawCreateBucket(orgID, n, 0)));
    }
    // The gateway's listing (the subject here) against the raw API's: the same ids, each once.
    const buckets = await listBuckets({ orgID }, connection());
    const ids = buckets.map((b) => b.id).sort();
    expect(ids).toEqual((await rawBuckets(orgID)).map((b) => b.id).sort());
    expect(new Set(ids).size).toBe(ids.length);
    const listed = new Set(buckets.map((b) => b.name));
    expect(names.filter((n) => !listed.has(n))).toEqual([]);
    expect(['_tasks', '_monitoring', 'homeiq'].filter((n) => !listed.has(n))).toEqual([]);
    expect(buckets).toHaveLength(names.length + 3);
  });

  it('ends ten concurrent applies with exactly one bucket of each name', async () => {
    const conn = connection();
    const plans = await Promise.all(Array.from({ length: 10 }, () => readPlan(spec, conn)));
    const results = await Promise.all(plans.map((p) => apply(p, spec, {}, conn)));
    for (const r of results) {
      expect(r.steps.map((s) => s.status).every((s) => s === 'done' || s === 'noop')).toBe(true);
    }
    const buckets = await specBuckets();
    expect(buckets.map((b) => b.name).sort()).toEqual(['pattern_aggregates_daily', 'pattern_aggregates_weekly']);
  });

  it('completes an interrupted run when run again', async () => {
    // As if the first run stopped after the daily bucket: only it exists.
    await rawCreateBucket(await rawOrgId('homeiq'), 'pattern_aggregates_daily', 90 * DAY, 'Daily pattern aggregates (Epic AI-5)');
    const result = await provision(spec, undefined, connection());
    expect(result.steps.map((s) => s.action)).toEqual(['noop', 'create']);
    expect(result.applied).toBe(true);
    expect((await specBuckets()).map((b) => [b.name, b.retentionSeconds])).toEqual([
      ['pattern_aggregates_daily', 90 * DAY],
      ['pattern_aggregates_weekly', 365 * DAY],
    ]);
  });
});
