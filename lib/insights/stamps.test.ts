import { describe, expect, it } from 'vitest';
import { writeTimeStamps, type StampInput } from './stamps';

const base = { measurement: 'session_weekly', period: 'week' as const, seriesPerPeriod: 5 };
const monthly = { measurement: 'contextual_monthly', period: 'month' as const, seriesPerPeriod: 4 };

/** What the check finds in `records` points of `series` series, written per UTC day as given, the newest at `lastTime`. */
function stamps(records: number, series: number, perDay: Record<string, number>, lastTime: string, more: Partial<StampInput> = {}) {
  return writeTimeStamps({ ...base, records, series, perDay: Object.entries(perDay).map(([day, n]) => ({ day, records: n })), lastTime, ...more });
}

describe('write-time stamps', () => {
  it('finds a backfill: 13 weeks of points stamped on one day', () => {
    const f = stamps(65, 65, { '2026-11-28': 65 }, '2026-11-28T19:00:01Z');
    expect(f?.detail).toContain("65 points are stamped on 2026-11-28: 13 weeks' worth at 5 series per week");
  });

  it("finds weekly points stamped on Sunday evening, not at the week's start", () => {
    const f = stamps(10, 10, { '2026-11-15': 5, '2026-11-22': 5 }, '2026-11-22T23:00:00Z');
    expect(f?.detail).toContain('stamped at 2026-11-22T23:00:00Z (a Sunday at 23:00), not at the start of their week');
  });

  it('counts a backfill run twice as the same weeks, with their duplicates', () => {
    const f = stamps(130, 65, { '2026-11-28': 130 }, '2026-11-28T19:00:01Z', { periods: 13 });
    expect(f?.detail).toContain("130 points are stamped on 2026-11-28: 13 weeks' worth at 5 series per week");
    expect(f?.detail).toContain('130 points in 65 series: 65 duplicates');
  });

  it('counts duplicates: several points per series', () => {
    const f = stamps(15, 5, { '2026-11-23': 5, '2026-11-24': 5, '2026-11-25': 5 }, '2026-11-25T00:00:00Z');
    expect(f?.detail).toContain('15 points in 5 series: 10 duplicates');
  });

  it('passes points stamped at the start of their week, and daily points', () => {
    expect(stamps(10, 10, { '2026-11-16': 5, '2026-11-23': 5 }, '2026-11-23T00:00:00Z')).toBeNull();
    expect(stamps(10, 10, { '2026-11-22': 10 }, '2026-11-22T13:00:00Z', { period: 'day' })).toBeNull();
  });

  it('checks monthly points against the first of the month', () => {
    expect(stamps(4, 4, { '2026-11-01': 4 }, '2026-11-01T00:00:00Z', monthly)).toBeNull();
    expect(stamps(4, 4, { '2026-11-30': 4 }, '2026-11-30T23:00:00Z', monthly)).not.toBeNull();
  });
});
