import { describe, expect, it } from 'vitest';
import { countsByMeasurement, recordsPerDay, tagSetKey, timeByMeasurement } from './aggregate';

const base = { result: '_result', table: 0, _start: '1970-01-01T00:00:00Z', _stop: '2262-04-11T00:00:00Z' };

describe('countsByMeasurement', () => {
  it('counts a point once however many fields it has', () => {
    const rows = [
      { ...base, _measurement: 'unknown_m', _field: 'a', host: 'x', _value: 5 },
      { ...base, _measurement: 'unknown_m', _field: 'b', host: 'x', _value: 5 },
      { ...base, _measurement: 'unknown_m', _field: 'c', host: 'x', _value: 3 },
      { ...base, _measurement: 'unknown_m', _field: 'a', host: 'y', _value: 2 },
    ];
    expect(countsByMeasurement(rows).get('unknown_m')).toEqual({ records: 7, tagSets: 2 });
  });

  it('sums tag sets of the count field per measurement', () => {
    const rows = [
      { ...base, _measurement: 'time_based_daily', _field: 'confidence', date: '2026-01-01', entity_id: 'light.a b', domain: 'light', _value: 1 },
      { ...base, _measurement: 'time_based_daily', _field: 'confidence', date: '2026-01-02', entity_id: 'light.a b', domain: 'light', _value: 1 },
      { ...base, _measurement: 'anomaly_daily', _field: 'anomaly_score', date: '2026-01-01', entity_id: 'x', anomaly_type: 't', _value: 4 },
    ];
    const counts = countsByMeasurement(rows);
    expect(counts.get('time_based_daily')).toEqual({ records: 2, tagSets: 2 });
    expect(counts.get('anomaly_daily')).toEqual({ records: 4, tagSets: 1 });
  });

  it('keys tag sets by sorted tag names, ignoring Flux bookkeeping columns', () => {
    expect(tagSetKey({ ...base, _measurement: 'm', _field: 'f', b: '2', a: '1', _value: 1, _time: 'x' })).toBe('a=1,b=2');
  });
});

describe('timeByMeasurement', () => {
  it('picks the earliest first and the latest last', () => {
    const rows = [
      { _measurement: 'm', _time: '2026-01-02T00:00:00Z' },
      { _measurement: 'm', _time: '2026-01-01T00:00:00Z' },
      { _measurement: 'n', _time: '2026-03-01T00:00:00Z' },
    ];
    expect(timeByMeasurement(rows, 'min').get('m')).toBe('2026-01-01T00:00:00Z');
    expect(timeByMeasurement(rows, 'max').get('m')).toBe('2026-01-02T00:00:00Z');
    expect(timeByMeasurement(rows, 'max').get('n')).toBe('2026-03-01T00:00:00Z');
  });
});

describe('recordsPerDay', () => {
  it('files each window under the day it starts, summing tag sets', () => {
    const rows = [
      { _measurement: 'm', _field: 'f', e: 'a', _time: '2026-01-02T00:00:00Z', _value: 3 },
      { _measurement: 'm', _field: 'f', e: 'b', _time: '2026-01-02T00:00:00Z', _value: 2 },
      { _measurement: 'm', _field: 'f', e: 'a', _time: '2026-01-03T00:00:00Z', _value: 1 },
    ];
    const perDay = recordsPerDay(rows).get('m');
    expect(Object.fromEntries(perDay ?? [])).toEqual({ '2026-01-01': 5, '2026-01-02': 1 });
  });
});
