import { describe, expect, it } from 'vitest';
import { countsByMeasurement, recordsPerDay, timeByMeasurement, valuesByMeasurement } from './rows';

describe('countsByMeasurement', () => {
  it('adds up the slices of each measurement', () => {
    const rows = [
      { _measurement: 'unknown_m', records: 7, tagSets: 2 },
      { _measurement: 'unknown_m', records: 5, tagSets: 1 },
      { _measurement: 'time_based_daily', records: 1440, tagSets: 1440 },
    ];
    const counts = countsByMeasurement(rows);
    expect(counts.get('unknown_m')).toEqual({ records: 12, tagSets: 3 });
    expect(counts.get('time_based_daily')).toEqual({ records: 1440, tagSets: 1440 });
  });
});

describe('timeByMeasurement', () => {
  it('picks the earliest first and the latest last across fields', () => {
    const rows = [
      { _measurement: 'm', _field: 'a', _time: '2026-01-02T00:00:00Z' },
      { _measurement: 'm', _field: 'b', _time: '2026-01-01T00:00:00Z' },
      { _measurement: 'n', _field: 'a', _time: '2026-03-01T00:00:00Z' },
    ];
    expect(timeByMeasurement(rows, 'min').get('m')).toBe('2026-01-01T00:00:00Z');
    expect(timeByMeasurement(rows, 'max').get('m')).toBe('2026-01-02T00:00:00Z');
    expect(timeByMeasurement(rows, 'max').get('n')).toBe('2026-03-01T00:00:00Z');
  });
});

describe('recordsPerDay', () => {
  it('files rows under the day they are stamped with, taking the largest field per day', () => {
    const rows = [
      { _measurement: 'm', _field: 'f', _time: '2026-01-01T00:00:00Z', _value: 5 },
      { _measurement: 'm', _field: 'g', _time: '2026-01-01T00:00:00Z', _value: 4 },
      { _measurement: 'm', _field: 'f', _time: '2026-01-02T00:00:00Z', _value: 1 },
    ];
    expect(Object.fromEntries(recordsPerDay(rows).get('m') ?? [])).toEqual({ '2026-01-01': 5, '2026-01-02': 1 });
  });
});

describe('valuesByMeasurement', () => {
  it('groups union rows by measurement', () => {
    const rows = [
      { measurement: 'a', _value: 'x' },
      { measurement: 'a', _value: 'y' },
      { measurement: 'b', _value: 'z' },
    ];
    expect(Object.fromEntries(valuesByMeasurement(rows))).toEqual({ a: ['x', 'y'], b: ['z'] });
  });
});
