import { describe, expect, it } from 'vitest';
import { writeTimeStamps } from './stamps';

const base = { measurement: 'session_weekly', period: 'week' as const, seriesPerPeriod: 5 };

describe('write-time stamps', () => {
  it('finds a backfill: 13 weeks of points stamped on one day', () => {
    const f = writeTimeStamps({
      ...base,
      records: 65,
      series: 65,
      seriesPerPeriod: 5,
      perDay: [{ day: '2026-11-28', records: 65 }],
      lastTime: '2026-11-28T19:00:01Z',
    });
    expect(f?.detail).toContain("65 points are stamped on 2026-11-28: 13 weeks' worth at 5 series per week");
  });

  it("finds weekly points stamped on Sunday evening, not at the week's start", () => {
    const f = writeTimeStamps({
      ...base,
      records: 10,
      series: 10,
      perDay: [
        { day: '2026-11-15', records: 5 },
        { day: '2026-11-22', records: 5 },
      ],
      lastTime: '2026-11-22T23:00:00Z',
    });
    expect(f?.detail).toContain('stamped at 2026-11-22T23:00:00Z (a Sunday at 23:00), not at the start of their week');
  });

  it('counts a backfill run twice as the same weeks, with their duplicates', () => {
    const f = writeTimeStamps({
      ...base,
      records: 130,
      series: 65,
      periods: 13,
      perDay: [{ day: '2026-11-28', records: 130 }],
      lastTime: '2026-11-28T19:00:01Z',
    });
    expect(f?.detail).toContain("130 points are stamped on 2026-11-28: 13 weeks' worth at 5 series per week");
    expect(f?.detail).toContain('130 points in 65 series: 65 duplicates');
  });

  it('counts duplicates: several points per series', () => {
    const f = writeTimeStamps({
      ...base,
      records: 15,
      series: 5,
      perDay: [
        { day: '2026-11-23', records: 5 },
        { day: '2026-11-24', records: 5 },
        { day: '2026-11-25', records: 5 },
      ],
      lastTime: '2026-11-25T00:00:00Z',
    });
    expect(f?.detail).toContain('15 points in 5 series: 10 duplicates');
  });

  it('passes points stamped at the start of their week, and daily points', () => {
    expect(
      writeTimeStamps({
        ...base,
        records: 10,
        series: 10,
        perDay: [
          { day: '2026-11-16', records: 5 },
          { day: '2026-11-23', records: 5 },
        ],
        lastTime: '2026-11-23T00:00:00Z',
      }),
    ).toBeNull();
    expect(
      writeTimeStamps({ ...base, period: 'day', records: 10, series: 10, perDay: [{ day: '2026-11-22', records: 10 }], lastTime: '2026-11-22T13:00:00Z' }),
    ).toBeNull();
  });

  it('checks monthly points against the first of the month', () => {
    expect(
      writeTimeStamps({
        ...base,
        measurement: 'contextual_monthly',
        period: 'month',
        records: 4,
        series: 4,
        seriesPerPeriod: 4,
        perDay: [{ day: '2026-11-01', records: 4 }],
        lastTime: '2026-11-01T00:00:00Z',
      }),
    ).toBeNull();
    expect(
      writeTimeStamps({
        ...base,
        measurement: 'contextual_monthly',
        period: 'month',
        records: 4,
        series: 4,
        seriesPerPeriod: 4,
        perDay: [{ day: '2026-11-30', records: 4 }],
        lastTime: '2026-11-30T23:00:00Z',
      }),
    ).not.toBeNull();
  });
});
