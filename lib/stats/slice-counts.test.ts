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

  it('gives a slice of one UTC day its total as that day\'s figure (its query reads no per-day rows)', () => {
    const day = sliceCountsOf(
      [
        { result: 'totals', _measurement: 'time_based_daily', records: 30, tagSets: 29 },
        { result: 'totals', _measurement: 'anomaly_daily', records: 7, tagSets: 7 },
      ],
      '2026-11-27',
    );
    expect(day.time_based_daily).toEqual({ records: 30, tagSets: 29, perDay: { '2026-11-27': 30 } });
    expect(mergeSlices([day]).perDay.get('anomaly_daily')?.get('2026-11-27')).toBe(7);
  });
});
