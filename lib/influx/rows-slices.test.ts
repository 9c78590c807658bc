import { describe, expect, it } from 'vitest';
import { mergeSlices } from '@/lib/stats/slice-counts';
import { sliceCountsOf } from './rows';

describe('slice counts', () => {
  it('reads the totals and per-day rows of a slice and adds slices up exactly', () => {
    const a = sliceCountsOf([
      { result: 'totals', _measurement: 'time_based_daily', records: 30, tagSets: 30 },
      { result: 'perday', _measurement: 'time_based_daily', _time: '2026-11-27T00:00:00Z', _value: 30 },
    ]);
    const b = sliceCountsOf([
      { result: 'totals', _measurement: 'time_based_daily', records: 31, tagSets: 30 },
      { result: 'totals', _measurement: 'debug', records: 0, tagSets: 0 },
      { result: 'perday', _measurement: 'time_based_daily', _time: '2026-11-28T00:00:00Z', _value: 31 },
    ]);
    const merged = mergeSlices([a, b]);
    expect(merged.counts.get('time_based_daily')).toEqual({ records: 61, tagSets: 60 });
    expect(merged.counts.has('debug')).toBe(false);
    expect([...(merged.perDay.get('time_based_daily') ?? [])]).toEqual([
      ['2026-11-27', 30],
      ['2026-11-28', 31],
    ]);
  });

  it("gives a slice of one UTC day its total as that day's figure (its query reads no per-day rows)", () => {
    const day = sliceCountsOf(
      [
        { result: 'totals', _measurement: 'time_based_daily', records: 30, tagSets: 29 },
        { result: 'totals', _measurement: 'anomaly_daily', records: 7, tagSets: 7 },
      ],
      '2026-11-27',
    );
    expect(day.time_based_daily).toEqual({ records: 30, tagSets: 29, perDay: { '2026-11-27': 30 }, firstPerDay: { '2026-11-27': 29 } });
    expect(mergeSlices([day]).perDay.get('anomaly_daily')?.get('2026-11-27')).toBe(7);
  });

  it('reads the series of a longer slice by the day of their first point', () => {
    const week = sliceCountsOf([
      { result: 'totals', _measurement: 'session_weekly', records: 12, tagSets: 10 },
      { result: 'perday', _measurement: 'session_weekly', _time: '2026-12-06T00:00:00Z', _value: 12 },
      { result: 'firstperday', _measurement: 'session_weekly', _time: '2026-12-02T00:00:00Z', _value: 4 },
      { result: 'firstperday', _measurement: 'session_weekly', _time: '2026-12-06T00:00:00Z', _value: 6 },
    ]);
    expect(week.session_weekly).toEqual({ records: 12, tagSets: 10, perDay: { '2026-12-06': 12 }, firstPerDay: { '2026-12-02': 4, '2026-12-06': 6 } });
  });
});
