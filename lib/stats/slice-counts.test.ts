import { describe, expect, it } from 'vitest';
import { mergeSlices, sliceCountsOf } from './slice-counts';

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
});
