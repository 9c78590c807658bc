import { describe, expect, it } from 'vitest';
import { ai5Spec } from '../spec/load';
import type { ConsoleSpec } from '../spec/schema';
import { hasDestructive, plan, planBucket, refusedSteps, type BucketState } from './plan';

const spec = ai5Spec();
const ORG = '0000000000000001';
const OTHER = '0000000000000002';
const DAY = 86_400;

function bucket(name: string, retentionDays: number, description: string, orgID = ORG): BucketState {
  return { id: `${name}-id`, orgID, name, retentionSeconds: retentionDays * DAY, description };
}
const daily = (days = 90, description = 'Daily pattern aggregates (Epic AI-5)', org = ORG) => bucket('pattern_aggregates_daily', days, description, org);
const weekly = (days = 365, description = 'Weekly/monthly aggregates (Epic AI-5)', org = ORG) => bucket('pattern_aggregates_weekly', days, description, org);

describe('plan', () => {
  it('creates both AI-5 buckets in an empty organization', () => {
    const p = plan(spec, { orgID: ORG, buckets: [] });
    expect(p.steps.map((s) => [s.bucket, s.action, s.to.retention])).toEqual([
      ['pattern_aggregates_daily', 'create', '90d'],
      ['pattern_aggregates_weekly', 'create', '365d'],
    ]);
    expect(p.steps.every((s) => !s.destructive)).toBe(true);
    expect(p.steps[0]?.to).toEqual({ retentionSeconds: 7_776_000, retention: '90d', description: 'Daily pattern aggregates (Epic AI-5)' });
    expect(p.blocker).toBeUndefined();
  });

  it('has nothing to do when both buckets match the spec', () => {
    const p = plan(spec, { orgID: ORG, buckets: [daily(), weekly()] });
    expect(p.steps.map((s) => s.action)).toEqual(['noop', 'noop']);
    expect(p.steps.every((s) => s.action === 'noop')).toBe(true);
  });

  it('lengthens a 30d daily bucket to 90d without calling it destructive', () => {
    const p = plan(spec, { orgID: ORG, buckets: [daily(30), weekly()] });
    const step = p.steps[0];
    expect(step).toMatchObject({ action: 'update', destructive: false, changes: ['retention'], bucketID: 'pattern_aggregates_daily-id' });
    expect(step?.from?.retention).toBe('30d');
    expect(step?.to.retention).toBe('90d');
    expect(step?.summary).toContain('30d → 90d');
  });

  it('flags shortening a 400d daily bucket to 90d as destructive', () => {
    const p = plan(spec, { orgID: ORG, buckets: [daily(400), weekly()] });
    expect(p.steps[0]).toMatchObject({ action: 'update', destructive: true });
    expect(p.steps[0]?.summary).toContain('will expire');
    expect(hasDestructive(p)).toBe(true);
  });

  it('flags going from infinite retention to 365d as destructive', () => {
    const p = plan(spec, { orgID: ORG, buckets: [daily(), weekly(0)] });
    expect(p.steps[1]).toMatchObject({ action: 'update', destructive: true });
    expect(p.steps[1]?.from?.retention).toBe('infinite');
  });

  it('updates only the description when the retention matches', () => {
    const p = plan(spec, { orgID: ORG, buckets: [daily(90, 'old words'), weekly()] });
    expect(p.steps[0]).toMatchObject({ action: 'update', destructive: false, changes: ['description'] });
    expect(p.steps[0]?.summary).toBe('description "old words" → "Daily pattern aggregates (Epic AI-5)"');
  });

  it('updates retention and description together', () => {
    const p = plan(spec, { orgID: ORG, buckets: [daily(), weekly(30, '')] });
    expect(p.steps[1]).toMatchObject({ action: 'update', changes: ['retention', 'description'], destructive: false });
  });

  it('reports a bucket of the same name in another organization and plans a create in ours', () => {
    const p = plan(spec, { orgID: ORG, buckets: [daily(10, 'theirs', OTHER), weekly()] });
    expect(p.steps[0]).toMatchObject({ action: 'create' });
    expect(p.steps[0]?.bucketID).toBeUndefined();
    expect(p.notes).toHaveLength(1);
    expect(p.notes[0]?.bucket).toBe('pattern_aggregates_daily');
    expect(p.notes[0]?.message).toContain('another organization');
  });

  it('never plans a delete, whatever else exists', () => {
    const extra = [bucket('homeiq', 0, ''), bucket('_monitoring', 7, ''), bucket('something_else', 1, '')];
    const p = plan(spec, { orgID: ORG, buckets: [...extra, daily(), weekly()] });
    expect(p.steps).toHaveLength(2);
    expect(p.steps.map((s) => s.action)).toEqual(['noop', 'noop']);
  });

  it('is blocked when the organization does not exist', () => {
    const p = plan(spec, { orgID: null, buckets: [daily(90, '', OTHER)] });
    expect(p.blocker).toContain('influx org create -n homeiq');
    expect(p.steps.map((s) => s.action)).toEqual(['create', 'create']);
  });

  it('is a pure function: the same input gives the same plan, and the input is untouched', () => {
    const input = { orgID: ORG, buckets: [daily(30), weekly(400)] };
    const copy = structuredClone(input);
    expect(plan(spec, input)).toEqual(plan(spec, input));
    expect(input).toEqual(copy);
  });
});

describe('plan: shard-group durations', () => {
  const HOUR = 3600;
  /** The AI-5 spec with the daily bucket changed (retention and SGD in seconds, as the schema outputs them). */
  function dailySpec(retentionDays: number, shardGroupSeconds?: number): ConsoleSpec {
    const [d, w] = spec.buckets;
    if (!d || !w) throw new Error('the AI-5 spec has two buckets');
    return {
      ...spec,
      buckets: [{ ...d, retention: retentionDays * DAY, ...(shardGroupSeconds === undefined ? {} : { shardGroupDuration: shardGroupSeconds }) }, w],
    };
  }
  const withSgd = (b: BucketState, sgdSeconds: number): BucketState => ({ ...b, shardGroupDurationSeconds: sgdSeconds });

  it('leaves the shard-group duration alone when the spec declares none, whatever the bucket has', () => {
    const p = plan(spec, { orgID: ORG, buckets: [withSgd(daily(), 3 * DAY), withSgd(weekly(), 7 * DAY)] });
    expect(p.steps.map((s) => s.action)).toEqual(['noop', 'noop']);
    expect(p.steps[0]?.from).toMatchObject({ shardGroupDurationSeconds: 3 * DAY, shardGroupDuration: '3d' });
    expect(p.steps[0]?.to.shardGroupDurationSeconds).toBeUndefined();
    expect(refusedSteps(p)).toEqual([]);
  });

  it('creates a bucket with the declared shard-group duration, and says so', () => {
    const p = plan(dailySpec(90, 7 * DAY), { orgID: ORG, buckets: [] });
    expect(p.steps[0]).toMatchObject({
      action: 'create',
      to: { retention: '90d', shardGroupDurationSeconds: 7 * DAY, shardGroupDuration: '7d' },
      summary: 'create with retention 90d and shard groups of 7d',
    });
    expect(p.steps[0]?.refused).toBeUndefined();
  });

  it('plans a shard-group change alone as its own change, old → new, not destructive', () => {
    const p = plan(dailySpec(90, 7 * DAY), { orgID: ORG, buckets: [withSgd(daily(), DAY), weekly()] });
    const step = p.steps[0];
    expect(step).toMatchObject({
      action: 'update',
      destructive: false,
      changes: ['shardGroupDuration'],
      from: { shardGroupDuration: '1d' },
      to: { shardGroupDuration: '7d' },
    });
    expect(step?.summary).toBe(
      'shard groups 1d → 7d: applies to new shard groups only, existing shard groups keep their 1d duration (a shard group expires only once its end is older than 90d, so its data may stay up to 7d longer)',
    );
    expect(step?.refused).toBeUndefined();
  });

  it('has nothing to do when the declared shard-group duration is already the bucket’s', () => {
    const p = plan(dailySpec(90, DAY), { orgID: ORG, buckets: [withSgd(daily(), DAY), weekly()] });
    expect(p.steps[0]?.action).toBe('noop');
  });

  it('says what each change does to stored data when retention shortens and shard groups lengthen together', () => {
    const p = plan(dailySpec(30, 7 * DAY), { orgID: ORG, buckets: [withSgd(daily(), DAY), weekly()] });
    const step = p.steps[0];
    expect(step).toMatchObject({ action: 'update', destructive: true, changes: ['retention', 'shardGroupDuration'] });
    expect(step?.summary).toBe(
      'retention 90d → 30d: data older than 30d will expire; shard groups 1d → 7d: applies to new shard groups only, existing shard groups keep their 1d duration (a shard group expires only once its end is older than 30d, so its data may stay up to 7d longer)',
    );
    expect(hasDestructive(p)).toBe(true);
  });

  it('says a longer retention keeps data not yet expired when it changes with the shard groups', () => {
    const step = plan(dailySpec(365, 7 * DAY), { orgID: ORG, buckets: [withSgd(daily(), DAY), weekly()] }).steps[0];
    expect(step).toMatchObject({ destructive: false, changes: ['retention', 'shardGroupDuration'] });
    expect(step?.summary).toMatch(/^retention 90d → 365d: data not yet expired is kept until it is 365d old; shard groups 1d → 7d: /);
  });

  it('refuses a shard-group duration longer than the finite retention, before any call', () => {
    const p = plan(dailySpec(30, 31 * DAY), { orgID: ORG, buckets: [withSgd(daily(), DAY), weekly()] });
    expect(p.steps[0]?.action).toBe('update');
    expect(p.steps[0]?.refused).toBe(
      'InfluxDB refuses a shard-group duration (31d) longer than the retention (30d): use a shard-group duration of at most 30d, or a longer retention.',
    );
    expect(p.steps[0]?.summary).toContain('Refused: InfluxDB refuses');
    expect(refusedSteps(p).map((s) => s.bucket)).toEqual(['pattern_aggregates_daily']);
    expect(plan(dailySpec(30, 31 * DAY), { orgID: ORG, buckets: [] }).steps[0]?.refused).toContain('longer than the retention (30d)');
  });

  it('refuses a shard-group duration under 1h, which InfluxDB would silently store as 1h', () => {
    const p = plan(dailySpec(90, HOUR / 2), { orgID: ORG, buckets: [] });
    expect(p.steps[0]?.refused).toContain('silently stores 1h');
  });

  it('refuses a retention shorter than the shard-group duration the bucket keeps when the spec declares none', () => {
    const p = plan(dailySpec(2), { orgID: ORG, buckets: [withSgd(daily(), 7 * DAY), weekly()] });
    expect(p.steps[0]).toMatchObject({ action: 'update', changes: ['retention'], destructive: true });
    expect(p.steps[0]?.refused).toBe(
      "InfluxDB refuses a retention (2d) shorter than the bucket's shard-group duration (7d): declare a shardGroupDuration of at most 2d for this bucket in the spec, so both change together.",
    );
  });

  it('allows any shard-group duration with infinite retention', () => {
    const p = plan(dailySpec(0, 520 * 7 * DAY), { orgID: ORG, buckets: [withSgd(daily(), DAY), weekly()] });
    expect(p.steps[0]).toMatchObject({
      action: 'update',
      changes: ['retention', 'shardGroupDuration'],
      to: { retention: 'infinite', shardGroupDuration: '3640d' },
    });
    expect(p.steps[0]?.refused).toBeUndefined();
    expect(p.steps[0]?.summary).toBe(
      'retention 90d → infinite: data not yet expired is kept for ever; shard groups 1d → 3640d: applies to new shard groups only, existing shard groups keep their 1d duration',
    );
  });

  it('plans a declared shard-group duration for a bucket whose current one is unknown', () => {
    const d = spec.buckets[0];
    if (!d) throw new Error('no daily bucket');
    const step = planBucket({ ...d, shardGroupDuration: DAY }, daily());
    expect(step).toMatchObject({ action: 'update', changes: ['shardGroupDuration'] });
    expect(step.summary).toMatch(/^shard groups unknown → 1d: applies to new shard groups only, existing shard groups keep their duration/);
  });
});
