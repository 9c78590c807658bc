import { describe, expect, it } from 'vitest';
import { PointScan, TooManySeries } from './point-scan';

const fields = (m: string) => new Set(m === 'weather' ? ['temp', 'wind'] : ['v']);

describe('PointScan: a slice counted from the rows of InfluxQL SELECT *', () => {
  it('counts a row per point, whichever fields it carries, and its series by its tags', () => {
    const scan = new PointScan(fields);
    scan.add({
      name: 'weather',
      columns: ['time', 'city', 'temp', 'wind'],
      values: [
        ['2026-10-01T00:00:00Z', 'oslo', 1.5, null],
        ['2026-10-01T00:00:00Z', 'rome', null, 3],
        ['2026-10-02T23:59:59.999999999Z', 'oslo', null, 4],
      ],
    });
    expect(scan.result()).toEqual({ weather: { records: 3, tagSets: 2, perDay: { '2026-10-01': 2, '2026-10-02': 1 }, firstPerDay: { '2026-10-01': 2 } } });
  });

  it('adds up a measurement split over chunks, and does not count a series twice', () => {
    const scan = new PointScan(fields);
    scan.add({ name: 'weather', columns: ['time', 'city', 'temp'], values: [['2026-10-01T00:00:00Z', 'oslo', 1]] });
    scan.add({
      name: 'weather',
      columns: ['time', 'city', 'temp'],
      values: [
        ['2026-10-01T01:00:00Z', 'oslo', 2],
        ['2026-10-01T01:00:00Z', 'bergen', 2],
      ],
    });
    scan.add({ name: 'other', columns: ['time', 'city', 'v'], values: [['2026-10-01T00:00:00Z', 'oslo', 1]] });
    expect(scan.result()).toEqual({
      weather: { records: 3, tagSets: 2, perDay: { '2026-10-01': 3 }, firstPerDay: { '2026-10-01': 2 } },
      other: { records: 1, tagSets: 1, perDay: { '2026-10-01': 1 }, firstPerDay: { '2026-10-01': 1 } },
    });
  });

  it('dates each series of a week-long slice by the UTC day of its first point, not by the slice', () => {
    const scan = new PointScan(fields);
    scan.add({
      name: 'session_weekly',
      columns: ['time', 'session_type', 'week', 'v'],
      values: [
        ['2026-11-30T00:00:00Z', 'general', '2026-W49', 1],
        ['2026-12-06T16:48:00Z', 'general', '2026-W49', 2],
        ['2026-12-06T16:48:00Z', 'evening', '2026-W49', 1],
      ],
    });
    // A chunk out of time order still dates a series by its earliest point.
    scan.add({
      name: 'session_weekly',
      columns: ['time', 'session_type', 'week', 'v'],
      values: [
        ['2026-12-06T23:59:59Z', 'night', '2026-W49', 1],
        ['2026-12-02T00:00:00Z', 'night', '2026-W49', 1],
      ],
    });
    expect(scan.result().session_weekly).toEqual({
      records: 5,
      tagSets: 3,
      perDay: { '2026-11-30': 1, '2026-12-02': 1, '2026-12-06': 3 },
      firstPerDay: { '2026-11-30': 1, '2026-12-02': 1, '2026-12-06': 1 },
    });
  });

  it('tells tag sets apart whatever their values hold, and a missing tag from any value', () => {
    const scan = new PointScan(fields);
    scan.add({
      name: 'm',
      columns: ['time', 'a', 'b', 'v'],
      values: [
        ['2026-10-01T00:00:00Z', 'x,b=y', null, 1],
        ['2026-10-01T00:00:00Z', 'x', 'y', 1],
        ['2026-10-01T00:00:00Z', '1:x', null, 1],
        ['2026-10-01T00:00:00Z', null, '1:x', 1],
        ['2026-10-01T00:00:00Z', null, null, 1],
      ],
    });
    expect(scan.result().m).toMatchObject({ records: 5, tagSets: 5 });
  });

  it('keys a series by tag names, not by column positions, when a chunk has more columns', () => {
    const scan = new PointScan(fields);
    scan.add({ name: 'm', columns: ['time', 'a', 'v'], values: [['2026-10-01T00:00:00Z', 'x', 1]] });
    scan.add({
      name: 'm',
      columns: ['time', 'a', 'b', 'v'],
      values: [
        ['2026-10-01T01:00:00Z', 'x', null, 1],
        ['2026-10-01T01:00:00Z', 'x', 'y', 1],
      ],
    });
    expect(scan.result().m).toMatchObject({ records: 3, tagSets: 2 });
  });

  it('takes a column that is no known field as a tag, so no two series become one', () => {
    const scan = new PointScan(fields);
    scan.add({
      name: 'm',
      columns: ['time', 'new_tag', 'v'],
      values: [
        ['2026-10-01T00:00:00Z', 'p', 1],
        ['2026-10-01T00:00:00Z', 'q', 1],
      ],
    });
    expect(scan.result().m).toMatchObject({ records: 2, tagSets: 2 });
  });

  it('stops with TooManySeries past its limit of series held in memory', () => {
    const scan = new PointScan(fields, 2);
    const rows = ['a', 'b', 'c'].map((t) => ['2026-10-01T00:00:00Z', t, 1]);
    expect(() => scan.add({ name: 'm', columns: ['time', 't', 'v'], values: rows })).toThrow(TooManySeries);
  });
});
