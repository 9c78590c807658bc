import { describe, expect, it } from 'vitest';
import { ai5Spec } from '../spec/load';
import { consoleSpecSchema } from '../spec/schema';
import { DEFAULT_SERIES_LIMIT } from './report';

describe('the spec data Insights reads', () => {
  it("carries the series limit and each measurement's cadence for AI-5", () => {
    const spec = ai5Spec();
    expect(spec.seriesLimit).toBe(1_000_000);
    expect(spec.buckets.flatMap((b) => b.measurements.map((m) => m.cadence))).toEqual([
      'day',
      'day',
      'day',
      'day',
      'day',
      'day',
      'week',
      'week',
      'month',
      'month',
    ]);
  });

  it('still loads a spec without them (the limit then defaults to a million, the cadence to the period)', () => {
    const parsed = consoleSpecSchema.parse({
      name: 'x',
      org: 'o',
      buckets: [
        {
          name: 'b',
          retention: '30d',
          estimatedRecords: 1,
          measurements: [{ name: 'm', detector: 'D', period: 'week', tags: ['week'], fields: { v: 'float' } }],
        },
      ],
    });
    expect(parsed.seriesLimit ?? DEFAULT_SERIES_LIMIT).toBe(1_000_000);
    const m = parsed.buckets[0]?.measurements[0];
    expect(m?.cadence ?? m?.period).toBe('week');
  });

  it('refuses a cadence that is not a period and a limit that is not a positive whole number', () => {
    const base = {
      name: 'x',
      org: 'o',
      buckets: [
        {
          name: 'b',
          retention: '30d',
          estimatedRecords: 1,
          measurements: [{ name: 'm', detector: 'D', period: 'day', tags: ['date'], fields: { v: 'float' } }],
        },
      ],
    };
    expect(consoleSpecSchema.safeParse({ ...base, seriesLimit: 0 }).success).toBe(false);
    expect(
      consoleSpecSchema.safeParse({ ...base, buckets: [{ ...base.buckets[0], measurements: [{ ...base.buckets[0]?.measurements[0], cadence: 'hourly' }] }] })
        .success,
    ).toBe(false);
  });
});
