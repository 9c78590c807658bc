import { describe, expect, it } from 'vitest';
import { periodsIn, projectSeries } from './projection';

const DAY = 86_400;

describe('series projection', () => {
  it('projects a daily date tag to one series per entity and day of retention', () => {
    // 10 days × 30 entities written, 90 days kept: 30 × 90.
    expect(projectSeries(300, { tag: 'date', period: 'day', distinctValues: 10 }, 90 * DAY)).toEqual({
      projected: 2700,
      createdPerDay: 30,
      withoutTimeTag: 30,
    });
  });

  it('projects a weekly tag over the weeks of the retention', () => {
    expect(projectSeries(65, { tag: 'week', period: 'week', distinctValues: 13 }, 365 * DAY)).toEqual({
      projected: 261,
      createdPerDay: 0.71,
      withoutTimeTag: 5,
    });
    expect(periodsIn(365 * DAY, 'week')).toBe(52);
  });

  it('keeps the series as they are without a time tag, and never projects below today', () => {
    expect(projectSeries(40, null, 90 * DAY)).toEqual({ projected: 40, createdPerDay: 0, withoutTimeTag: 40 });
    expect(projectSeries(500, { tag: 'date', period: 'day', distinctValues: 200 }, 90 * DAY).projected).toBe(500);
  });

  it('projects a bucket that keeps data forever over a year', () => {
    expect(projectSeries(20, { tag: 'date', period: 'day', distinctValues: 2 }, 0).projected).toBe(3650);
  });
});
