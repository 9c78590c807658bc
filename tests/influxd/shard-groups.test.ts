import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { runCli } from '@/cli/run';
import { CLI_ACTOR } from '@/lib/auth/actor';
import { createBucket, updateBucket } from '@/lib/influx/buckets';
import { connection } from '@/lib/influx/client';
import { requireOrg } from '@/lib/influx/orgs';
import { apply, readPlan } from '@/lib/provision/apply';
import { exportTemplate } from '@/lib/provision/export';
import { ai5Spec } from '@/lib/spec/load';
import type { ConsoleSpec } from '@/lib/spec/schema';
import { createBucket as createBucketCommand } from '@/lib/use-cases/create-bucket';
import { updateBucket as updateBucketCommand } from '@/lib/use-cases/update-bucket';
import { runChecks } from '@/lib/verify/run';
import type { CheckResult } from '@/lib/verify/types';
import { rawApi, resetBuckets } from '../support/reset';

const spec = ai5Spec();
const HOUR = 3600;
const DAY = 86_400;
const DAILY = 'pattern_aggregates_daily';

/** The AI-5 spec with the daily bucket's retention and shard-group duration (seconds) replaced. */
function dailySpec(retentionSeconds: number, shardGroupSeconds?: number): ConsoleSpec {
  return {
    ...spec,
    buckets: spec.buckets.map((b) =>
      b.name === DAILY ? { ...b, retention: retentionSeconds, ...(shardGroupSeconds === undefined ? {} : { shardGroupDuration: shardGroupSeconds }) } : b,
    ),
  };
}

interface RawBucket {
  id: string;
  name: string;
  updatedAt: string;
  retentionRules: { everySeconds: number; shardGroupDurationSeconds: number }[];
}

/** What InfluxDB itself reports, read without the code under test. */
async function rawBucket(name: string): Promise<RawBucket | undefined> {
  const res = await rawApi(`/api/v2/buckets?org=homeiq&name=${encodeURIComponent(name)}`);
  if (res.status === 404) return undefined;
  expect(res.status).toBe(200);
  return ((await res.json()) as { buckets: RawBucket[] }).buckets.find((b) => b.name === name);
}

async function rules(name: string): Promise<[number, number] | undefined> {
  const rule = (await rawBucket(name))?.retentionRules[0];
  return rule ? [rule.everySeconds, rule.shardGroupDurationSeconds] : undefined;
}

async function orgID(): Promise<string> {
  return (await requireOrg('homeiq', connection())).id;
}

/** A connection to a port where nothing listens: any call through it fails as unreachable. */
function deadConnection() {
  return connection({ ...connection().env, url: 'http://127.0.0.1:9' });
}

/** Runs a CLI command in-process, catching what it prints. */
async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const code = await runCli(args);
    return { code, stdout: out.mock.calls.map((c) => String(c[0])).join(''), stderr: err.mock.calls.map((c) => String(c[0])).join('') };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe('shard-group durations against a real influxd', () => {
  beforeEach(resetBuckets);
  afterEach(resetBuckets);

  it('creates a bucket with the declared shard-group duration, and one without it gets the duration InfluxDB derives', async () => {
    const p = await readPlan(dailySpec(90 * DAY, 2 * DAY), connection());
    const result = await apply(p, dailySpec(90 * DAY, 2 * DAY), undefined, connection());
    expect(result.applied).toBe(true);
    expect(result.steps[0]?.message).toBe(`Created ${DAILY} with retention 90d and shard groups of 2d.`);
    expect(await rules(DAILY)).toEqual([90 * DAY, 2 * DAY]);
    expect(await rules('pattern_aggregates_weekly')).toEqual([365 * DAY, 7 * DAY]);
  });

  it('plans a shard-group change alone (1d → 7d), applies it, and InfluxDB then reports 7d with the retention unchanged', async () => {
    await createBucket(await orgID(), DAILY, { retentionSeconds: 90 * DAY, description: 'Daily pattern aggregates (Epic AI-5)' }, connection());
    expect(await rules(DAILY)).toEqual([90 * DAY, DAY]);
    const want = dailySpec(90 * DAY, 7 * DAY);
    const p = await readPlan(want, connection());
    const step = p.steps.find((s) => s.bucket === DAILY);
    expect(step).toMatchObject({
      action: 'update',
      destructive: false,
      changes: ['shardGroupDuration'],
      from: { shardGroupDuration: '1d' },
      to: { shardGroupDuration: '7d' },
    });
    expect(step?.summary).toContain('shard groups 1d → 7d: applies to new shard groups only, existing shard groups keep their 1d duration');
    const result = await apply(p, want, undefined, connection());
    expect(result.steps.find((s) => s.bucket === DAILY)?.status).toBe('done');
    expect(await rules(DAILY)).toEqual([90 * DAY, 7 * DAY]);
    expect((await readPlan(want, connection())).steps.map((s) => s.action)).toEqual(['noop', 'noop']);
  });

  it('changes retention and shard groups together once confirmed, and InfluxDB reports both', async () => {
    await createBucket(await orgID(), DAILY, { retentionSeconds: 90 * DAY, description: 'Daily pattern aggregates (Epic AI-5)' }, connection());
    const want = dailySpec(30 * DAY, 7 * DAY);
    const p = await readPlan(want, connection());
    const step = p.steps.find((s) => s.bucket === DAILY);
    expect(step).toMatchObject({ action: 'update', destructive: true, changes: ['retention', 'shardGroupDuration'] });
    expect(step?.summary).toMatch(/^retention 90d → 30d: data older than 30d will expire; shard groups 1d → 7d: applies to new shard groups only/);
    const unconfirmed = await apply(p, want, undefined, connection());
    expect(unconfirmed.steps.find((s) => s.bucket === DAILY)?.status).toBe('skipped');
    expect(await rules(DAILY)).toEqual([90 * DAY, DAY]);
    const confirmed = await apply(await readPlan(want, connection()), want, { confirm: [DAILY] }, connection());
    expect(confirmed.steps.find((s) => s.bucket === DAILY)?.status).toBe('done');
    expect(await rules(DAILY)).toEqual([30 * DAY, 7 * DAY]);
  });

  it('refuses a shard-group duration longer than the retention before any call, and InfluxDB refuses the same update', async () => {
    await createBucket(await orgID(), DAILY, { retentionSeconds: 90 * DAY, description: 'Daily pattern aggregates (Epic AI-5)' }, connection());
    const before = await rawBucket(DAILY);
    const want = dailySpec(30 * DAY, 31 * DAY);
    const p = await readPlan(want, connection());
    const step = p.steps.find((s) => s.bucket === DAILY);
    expect(step?.refused).toContain('InfluxDB refuses a shard-group duration (31d) longer than the retention (30d)');
    // Applied through a dead connection: a step that called InfluxDB would fail as unreachable, a refused one is skipped.
    const result = await apply(p, want, { confirmAll: true }, deadConnection());
    const applied = result.steps.find((s) => s.bucket === DAILY);
    expect(applied).toMatchObject({ status: 'skipped', refused: step?.refused });
    expect(applied?.message).toBe(`Not applied: ${step?.refused}`);
    expect(result.applied).toBe(false);
    expect(await rawBucket(DAILY)).toEqual(before);

    // InfluxDB's own answer to the same request.
    const res = await rawApi(`/api/v2/buckets/${before?.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ retentionRules: [{ type: 'expire', everySeconds: 30 * DAY, shardGroupDurationSeconds: 31 * DAY }] }),
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { message: string }).message).toContain(
      'shard-group duration must also be updated to be smaller than new retention duration',
    );
    expect(await rules(DAILY)).toEqual([90 * DAY, DAY]);
  });

  it('refuses to create a bucket whose shard groups outlast its retention, and InfluxDB refuses the same create', async () => {
    const want = dailySpec(HOUR, 2 * HOUR);
    const p = await readPlan(want, connection());
    expect(p.steps.find((s) => s.bucket === DAILY)).toMatchObject({ action: 'create', refused: expect.stringContaining('longer than the retention (1h)') });
    const result = await apply(p, want, {}, deadConnection());
    expect(result.steps.find((s) => s.bucket === DAILY)?.status).toBe('skipped');
    expect(await rawBucket(DAILY)).toBeUndefined();

    const res = await rawApi('/api/v2/buckets', {
      method: 'POST',
      body: JSON.stringify({
        orgID: await orgID(),
        name: DAILY,
        retentionRules: [{ type: 'expire', everySeconds: HOUR, shardGroupDurationSeconds: 2 * HOUR }],
      }),
    });
    // InfluxDB does not map this create error to 422: it answers 500, as if the server had failed.
    expect(res.status).toBe(500);
    expect(((await res.json()) as { message: string }).message).toContain('retention policy duration must be greater than the shard duration');
    expect(await rawBucket(DAILY)).toBeUndefined();
  });

  it('refuses a shard-group duration under 1h, which InfluxDB does not refuse but stores as 1h', async () => {
    const want = dailySpec(90 * DAY, 30 * 60);
    const p = await readPlan(want, connection());
    expect(p.steps.find((s) => s.bucket === DAILY)?.refused).toContain('silently stores 1h');

    const res = await rawApi('/api/v2/buckets', {
      method: 'POST',
      body: JSON.stringify({
        orgID: await orgID(),
        name: 'sgd_probe',
        retentionRules: [{ type: 'expire', everySeconds: 90 * DAY, shardGroupDurationSeconds: 30 * 60 }],
      }),
    });
    expect(res.status).toBe(201);
    expect(((await res.json()) as RawBucket).retentionRules[0]?.shardGroupDurationSeconds).toBe(HOUR);
  });

  it('refuses a shorter retention that the kept shard groups outlast (spec without one), as InfluxDB does, and the CLI exits 1 with the reason', async () => {
    await createBucket(
      await orgID(),
      DAILY,
      { retentionSeconds: 400 * DAY, description: 'Daily pattern aggregates (Epic AI-5)', shardGroupDurationSeconds: 100 * DAY },
      connection(),
    );
    const p = await readPlan(spec, connection());
    const reason =
      "InfluxDB refuses a retention (90d) shorter than the bucket's shard-group duration (100d): declare a shardGroupDuration of at most 90d for this bucket in the spec, so both change together.";
    expect(p.steps.find((s) => s.bucket === DAILY)).toMatchObject({ action: 'update', destructive: true, refused: reason });

    const dry = await cli(['provision', '--dry-run']);
    expect(dry.code).toBe(1);
    expect(dry.stdout).toMatch(/pattern_aggregates_daily\s+update \(REFUSED\)\s+400d -> 90d\s+100d\s+retention 400d → 90d/);
    expect(dry.stderr).toContain(`refused: ${DAILY}: ${reason}`);

    const { code, stdout, stderr } = await cli(['provision', '--yes', '--json']);
    expect(code).toBe(1);
    expect(stderr).toContain(`refused: ${DAILY}: ${reason}`);
    const json = JSON.parse(stdout) as { applied: boolean; steps: { bucket: string; status: string; refused?: string }[] };
    expect(json.applied).toBe(false);
    expect(json.steps.find((s) => s.bucket === DAILY)).toMatchObject({ status: 'skipped', refused: reason });
    expect(await rules(DAILY)).toEqual([400 * DAY, 100 * DAY]);

    const res = await rawApi(`/api/v2/buckets/${(await rawBucket(DAILY))?.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ retentionRules: [{ type: 'expire', everySeconds: 90 * DAY }] }),
    });
    expect(res.status).toBe(422);
    expect(await rules(DAILY)).toEqual([400 * DAY, 100 * DAY]);
  });

  it('keeps the shard-group duration when only the retention is edited, and the retention when only the shard groups are', async () => {
    const created = await createBucket(
      await orgID(),
      'sgd_edit',
      { retentionSeconds: 90 * DAY, description: 'x', shardGroupDurationSeconds: 3 * DAY },
      connection(),
    );
    expect(await rules('sgd_edit')).toEqual([90 * DAY, 3 * DAY]);
    // The gateway, as the plan's apply uses it.
    await updateBucket(created.id, { retentionSeconds: 120 * DAY, description: 'x' }, connection());
    expect(await rules('sgd_edit')).toEqual([120 * DAY, 3 * DAY]);
    await updateBucket(created.id, { retentionSeconds: 120 * DAY, description: 'x', shardGroupDurationSeconds: 2 * DAY }, connection());
    expect(await rules('sgd_edit')).toEqual([120 * DAY, 2 * DAY]);
    // The edit dialog's use case: an empty shard-group field leaves it alone.
    const editRetention = await updateBucketCommand({ id: created.id, retention: '200d', description: 'x' }, CLI_ACTOR);
    expect(editRetention.ok).toBe(true);
    expect(await rules('sgd_edit')).toEqual([200 * DAY, 2 * DAY]);
    const editShards = await updateBucketCommand({ id: created.id, retention: '200d', description: 'x', shardGroupDuration: '1w' }, CLI_ACTOR);
    expect(editShards.ok).toBe(true);
    expect(await rules('sgd_edit')).toEqual([200 * DAY, 7 * DAY]);
  });

  it('refuses in the edit dialog’s use case what InfluxDB refuses, before any call, with the reason on the field', async () => {
    const created = await createBucket(
      await orgID(),
      'sgd_edit',
      { retentionSeconds: 90 * DAY, description: 'x', shardGroupDurationSeconds: 7 * DAY },
      connection(),
    );
    const before = await rawBucket('sgd_edit');
    const tooLong = await updateBucketCommand({ id: created.id, retention: '90d', description: 'x', shardGroupDuration: '91d' }, CLI_ACTOR);
    expect(tooLong.ok).toBe(false);
    if (!tooLong.ok)
      expect(tooLong.error.fields?.shardGroupDuration).toContain('InfluxDB refuses a shard-group duration (91d) longer than the retention (90d)');
    const tooShort = await updateBucketCommand({ id: created.id, retention: '90d', description: 'x', shardGroupDuration: '30m' }, CLI_ACTOR);
    expect(tooShort.ok).toBe(false);
    if (!tooShort.ok) expect(tooShort.error.fields?.shardGroupDuration).toContain('at least 1h');
    const belowKept = await updateBucketCommand({ id: created.id, retention: '2d', description: 'x', confirmName: 'sgd_edit' }, CLI_ACTOR);
    expect(belowKept.ok).toBe(false);
    if (!belowKept.ok) {
      expect(belowKept.error.code).toBe('invalid');
      expect(belowKept.error.fields?.shardGroupDuration).toBe(
        "InfluxDB refuses a retention (2d) shorter than the bucket's shard-group duration (7d): set one of at most 2d.",
      );
    }
    expect(await rawBucket('sgd_edit')).toEqual(before);
    // The same edit both ways at once is accepted.
    const both = await updateBucketCommand({ id: created.id, retention: '2d', description: 'x', shardGroupDuration: '1d', confirmName: 'sgd_edit' }, CLI_ACTOR);
    expect(both.ok).toBe(true);
    expect(await rules('sgd_edit')).toEqual([2 * DAY, DAY]);
  });

  it('exports a template that InfluxDB applies, ignoring its shard-group field as the comment in it says', async () => {
    const template = parseAllDocuments(exportTemplate(dailySpec(90 * DAY, 2 * DAY))).map((d) => d.toJS() as unknown);
    const res = await rawApi('/api/v2/templates/apply', {
      method: 'POST',
      body: JSON.stringify({ orgID: await orgID(), dryRun: false, template: { contentType: 'json', contents: template } }),
    });
    expect(res.status).toBe(201);
    const { stackID } = (await res.json()) as { stackID: string };
    // Created with the retention, but with the shard groups InfluxDB derives (1d), not the 2d of the template.
    expect(await rules(DAILY)).toEqual([90 * DAY, DAY]);
    // The plan then finds what is left to do: the shard-group change alone.
    expect((await readPlan(dailySpec(90 * DAY, 2 * DAY), connection())).steps.find((s) => s.bucket === DAILY)?.changes).toEqual(['shardGroupDuration']);
    // The stack InfluxDB records for the apply is not ours to keep (deleting it removes its buckets too).
    expect((await rawApi(`/api/v2/stacks/${stackID}?orgID=${await orgID()}`, { method: 'DELETE' })).status).toBe(204);
  });

  it('creates a bucket with a shard-group duration from the create form and the CLI, refusing before any call what InfluxDB refuses', async () => {
    const made = await createBucketCommand({ name: 'sgd_new', retention: '90d', description: '', shardGroupDuration: '2d' }, CLI_ACTOR);
    expect(made.ok).toBe(true);
    expect(await rules('sgd_new')).toEqual([90 * DAY, 2 * DAY]);
    // Left out, InfluxDB derives it from the retention.
    expect((await createBucketCommand({ name: 'sgd_derived', retention: '90d', description: '' }, CLI_ACTOR)).ok).toBe(true);
    expect(await rules('sgd_derived')).toEqual([90 * DAY, DAY]);
    for (const [shardGroupDuration, message] of [
      ['91d', 'InfluxDB refuses a shard-group duration (91d) longer than the retention (90d)'],
      ['30m', 'at least 1h'],
      ['infinite', 'cannot be infinite'],
    ] as const) {
      const refused = await createBucketCommand({ name: 'sgd_refused', retention: '90d', description: '', shardGroupDuration }, CLI_ACTOR);
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(refused.error.fields?.shardGroupDuration).toContain(message);
    }
    expect(await rawBucket('sgd_refused')).toBeUndefined();

    const made2 = await cli(['buckets', 'create', 'sgd_cli', '--retention', '30d', '--shard-group-duration', '12h', '--json']);
    expect(made2.code).toBe(0);
    // The JSON keeps its contract ({id, name, retentionSeconds, description, system}); InfluxDB holds the duration.
    expect(JSON.parse(made2.stdout)).toMatchObject({ name: 'sgd_cli', retentionSeconds: 30 * DAY });
    expect(await rules('sgd_cli')).toEqual([30 * DAY, 12 * HOUR]);
    const refused = await cli(['buckets', 'create', 'sgd_cli2', '--retention', '1d', '--shard-group-duration', '2d']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('longer than the retention');
    expect(await rawBucket('sgd_cli2')).toBeUndefined();
  });

  it('verifies the shard-group duration a spec names, warning with a fix that keeps the retention', async () => {
    const named = dailySpec(90 * DAY, 2 * DAY);
    await apply(await readPlan(named, connection()), named, undefined, connection());
    const run = async (s: ConsoleSpec) => {
      const out = new Map<string, CheckResult>();
      for await (const r of runChecks(s, { conn: connection() })) out.set(r.id, r);
      return out;
    };
    expect((await run(named)).get(`bucket-shard-groups:${DAILY}`)?.status).toBe('pass');
    // A spec that names none has no such check: the duration is InfluxDB's to choose.
    expect([...(await run(spec)).keys()].filter((id) => id.startsWith('bucket-shard-groups:'))).toEqual([]);

    const id = (await rawBucket(DAILY))?.id ?? '';
    await updateBucket(id, { retentionSeconds: 90 * DAY, description: named.buckets[0]?.description ?? '', shardGroupDurationSeconds: DAY }, connection());
    const r = (await run(named)).get(`bucket-shard-groups:${DAILY}`);
    expect(r?.status).toBe('warn');
    expect(r?.detail).toContain('Shard groups cover 1d, the spec says 2d');
    expect(r?.fix).toContain(`influx bucket update --id ${id} --retention 90d --shard-group-duration 2d`);
    // The fix the check names is the plan's own step.
    expect((await readPlan(named, connection())).steps.find((s) => s.bucket === DAILY)?.changes).toEqual(['shardGroupDuration']);
  });
});
