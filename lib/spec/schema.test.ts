import { describe, expect, it } from 'vitest';
import ai5 from './ai5.json';
import { bucketSpecSchema, consoleSpecSchema, graceSeconds } from './schema';

const bucket = (extra: Record<string, unknown>) => ({ ...ai5.buckets[0], ...extra });
const DAY = 86_400;

function messages(extra: Record<string, unknown>): string[] {
  const r = bucketSpecSchema.safeParse(bucket(extra));
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('the spec schema and shard-group durations', () => {
  it('leaves the shard-group duration out when the spec does not declare one', () => {
    const parsed = bucketSpecSchema.parse(bucket({}));
    expect(parsed.shardGroupDuration).toBeUndefined();
    expect('shardGroupDuration' in parsed).toBe(false);
  });

  it('reads a declared shard-group duration as seconds, like the retention', () => {
    expect(bucketSpecSchema.parse(bucket({ shardGroupDuration: '1d' })).shardGroupDuration).toBe(DAY);
    expect(bucketSpecSchema.parse(bucket({ shardGroupDuration: '7d', retention: '365d' })).shardGroupDuration).toBe(7 * DAY);
    expect(bucketSpecSchema.parse(bucket({ shardGroupDuration: '90d' })).shardGroupDuration).toBe(90 * DAY);
  });

  it('refuses a shard-group duration longer than the finite retention, naming the field', () => {
    expect(messages({ shardGroupDuration: '91d' })).toEqual([
      expect.stringMatching(/^shardGroupDuration: InfluxDB refuses a shard-group duration \(91d\) longer than the retention \(90d\)/),
    ]);
  });

  it('refuses a shard-group duration under 1h', () => {
    expect(messages({ shardGroupDuration: '30m' })).toEqual([expect.stringMatching(/^shardGroupDuration: .*at least 1h/)]);
  });

  it('allows any shard-group duration of at least 1h with infinite retention', () => {
    expect(bucketSpecSchema.parse(bucket({ retention: 'infinite', shardGroupDuration: '520w' })).shardGroupDuration).toBe(520 * 7 * DAY);
  });

  it('keeps the AI-5 spec without shard-group durations, so InfluxDB goes on deriving 1d and 7d', () => {
    const spec = consoleSpecSchema.parse(ai5);
    expect(spec.buckets.map((b) => b.shardGroupDuration)).toEqual([undefined, undefined]);
  });
});

describe('the grace before verify fails a detector that is down', () => {
  it('reads a grace for a bucket and for a measurement as a duration, and refuses anything else, naming the field', () => {
    const parsed = bucketSpecSchema.parse(
      bucket({ grace: ' 3D ', measurements: ai5.buckets[0]?.measurements.map((m, i) => (i === 0 ? { ...m, grace: '36h' } : m)) }),
    );
    expect([parsed.grace, parsed.measurements[0]?.grace, parsed.measurements[1]?.grace]).toEqual(['3d', '36h', undefined]);
    expect([graceSeconds(parsed.grace), graceSeconds(parsed.measurements[0]?.grace), graceSeconds(undefined)]).toEqual([3 * DAY, 36 * 3_600, null]);
    expect(messages({ grace: 'soon' })).toEqual(['grace: must be a duration such as 36h, 2d or 1w']);
    expect(messages({ grace: '0d' })).toEqual(['grace: must be a duration such as 36h, 2d or 1w']);
  });

  it('keeps the AI-5 spec on the default grace of two cadences', () => {
    const spec = consoleSpecSchema.parse(ai5);
    expect(spec.buckets.flatMap((b) => [b.grace, ...b.measurements.map((m) => m.grace)]).every((g) => g === undefined)).toBe(true);
  });
});
