import { describe, expect, it } from 'vitest';
import { ai5Spec } from '../spec/load';
import { hasDestructive, plan, type BucketState } from './plan';

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
