import { describe, expect, it } from 'vitest';
import { isoWeekStart, parsePeriodValue, periodStart } from './periods';
import { findTimeTag, timeTagOf } from './time-tag';

describe('period values', () => {
  it('reads dates, ISO weeks and months as the period they name', () => {
    expect(parsePeriodValue('2026-11-28')).toEqual({ period: 'day', start: Date.UTC(2026, 10, 28) });
    expect(parsePeriodValue('2026-W48')).toEqual({ period: 'week', start: Date.UTC(2026, 10, 23) });
    expect(parsePeriodValue('2026-11')).toEqual({ period: 'month', start: Date.UTC(2026, 10, 1) });
    expect(parsePeriodValue('2026-02-30')).toBeNull();
    expect(parsePeriodValue('light.kitchen')).toBeNull();
    expect(parsePeriodValue('2026-W60')).toBeNull();
  });

  it('starts ISO week 1 on the Monday of the week holding 4 January', () => {
    expect(new Date(isoWeekStart(2026, 1)).toISOString()).toBe('2025-12-29T00:00:00.000Z');
    expect(new Date(periodStart(Date.UTC(2026, 10, 29, 23), 'week')).toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(new Date(periodStart(Date.UTC(2026, 10, 29, 23), 'month')).toISOString()).toBe('2026-11-01T00:00:00.000Z');
  });
});

describe('time-valued tags', () => {
  it('recognises a tag named date, week or month whatever its values', () => {
    expect(timeTagOf({ tag: 'date', distinctValues: 1, sample: ['2026-11-28'] })).toEqual({ tag: 'date', period: 'day' });
    expect(timeTagOf({ tag: 'week', distinctValues: 3, sample: ['2026-W46', '2026-W47', '2026-W48'] })).toEqual({ tag: 'week', period: 'week' });
  });

  it('recognises a tag of another name by its values', () => {
    expect(timeTagOf({ tag: 'bucket_day', distinctValues: 3, sample: ['2026-11-26', '2026-11-27', '2026-11-28'] })).toEqual({
      tag: 'bucket_day',
      period: 'day',
    });
  });

  it('leaves entity tags and a constant date-like value alone', () => {
    expect(timeTagOf({ tag: 'entity_id', distinctValues: 30, sample: ['light.kitchen', 'switch.office'] })).toBeNull();
    expect(timeTagOf({ tag: 'release', distinctValues: 1, sample: ['2026-11'] })).toBeNull();
  });

  it('picks the time tag among the tags of a measurement', () => {
    expect(
      findTimeTag([
        { tag: 'entity_id', distinctValues: 30, sample: ['light.kitchen'] },
        { tag: 'date', distinctValues: 90, sample: ['2026-09-01'] },
      ]),
    ).toEqual({ tag: 'date', period: 'day' });
    expect(findTimeTag([{ tag: 'entity_id', distinctValues: 30, sample: ['light.kitchen'] }])).toBeNull();
  });
});
