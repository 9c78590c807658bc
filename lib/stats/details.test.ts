import { describe, expect, it } from 'vitest';
import { covers, detailsFromJson, detailsToJson, seriesFigures, withDetails, type Details } from './details';

const index = (over: Partial<Details> = {}): Details => ({
  series: new Map([['time_based_daily', 900]]),
  tagKeys: new Map(),
  fieldKeys: new Map(),
  firstTime: new Map(),
  lastTime: new Map(),
  slicedTagSets: new Map([['time_based_daily', 1_000]]),
  revision: 7,
  readAt: 0,
  ms: 20_000,
  ...over,
});

describe('series figures from the index', () => {
  it("takes the index as read when it was read at the counts' revision, and bounds the summed tag sets by it", () => {
    expect(seriesFigures(index(), 7, 'time_based_daily', 1_000)).toEqual({ series: 900, tagSets: 900 });
    expect(seriesFigures(index(), 7, 'time_based_daily', 800)).toEqual({ series: 900, tagSets: 800 });
  });

  it('carries an older read forward by what the slices counted since, up or down', () => {
    expect(seriesFigures(index(), 8, 'time_based_daily', 1_011)).toEqual({ series: 911, tagSets: 911 });
    expect(seriesFigures(index(), 8, 'time_based_daily', 990)).toEqual({ series: 890, tagSets: 890 });
    expect(seriesFigures(index(), 8, 'time_based_daily', 0)).toEqual({ series: 0, tagSets: 0 });
  });

  it('gives no series for a measurement the index was not read for, and says a new read is needed', () => {
    expect(seriesFigures(index(), 7, 'anomaly_daily', 5)).toEqual({ series: 0, tagSets: 5 });
    expect(covers(index(), ['time_based_daily'])).toBe(true);
    expect(covers(index(), ['time_based_daily', 'anomaly_daily'])).toBe(false);
  });
});

describe('figures with a details read', () => {
  it("takes series, keys and first/last times per measurement, and the bucket's earliest and latest", () => {
    const m = (name: string, records: number) => ({
      name,
      detector: null,
      records,
      series: 0,
      tagSets: 0,
      tagKeys: [],
      fieldKeys: [],
      firstTime: null,
      lastTime: null,
      perDay: [],
      expectedRecords: null,
    });
    const stats = {
      name: 'b',
      retentionSeconds: 0,
      estimatedRecords: null,
      measurements: [m('time_based_daily', 1_000), m('anomaly_daily', 0)],
      unexpected: [m('extra', 3)],
      records: 1_003,
      firstTime: null,
      lastTime: null,
      queryMs: 0,
      computedAt: '',
      countedSlices: 1,
      recountedSlices: 1,
      detailsReadAt: '',
    };
    const details = index({
      series: new Map([
        ['time_based_daily', 900],
        ['extra', 3],
      ]),
      tagKeys: new Map([['time_based_daily', ['_start', 'entity_id', 'date']]]),
      fieldKeys: new Map([['time_based_daily', ['occurrences', 'confidence']]]),
      firstTime: new Map([
        ['time_based_daily', '2026-09-01T00:00:00Z'],
        ['extra', '2026-08-30T00:00:00Z'],
      ]),
      lastTime: new Map([
        ['time_based_daily', '2026-11-28T00:00:00Z'],
        ['extra', '2026-11-01T00:00:00Z'],
      ]),
      slicedTagSets: new Map([
        ['time_based_daily', 1_000],
        ['extra', 3],
      ]),
      readAt: Date.parse('2026-11-28T12:00:00Z'),
    });
    const out = withDetails(
      stats,
      details,
      7,
      new Map([
        ['time_based_daily', 1_000],
        ['extra', 3],
      ]),
    );
    expect(out.measurements[0]).toMatchObject({
      series: 900,
      tagSets: 900,
      tagKeys: ['date', 'entity_id'],
      fieldKeys: ['confidence', 'occurrences'],
      firstTime: '2026-09-01T00:00:00Z',
      lastTime: '2026-11-28T00:00:00Z',
    });
    expect(out.measurements[1]).toMatchObject({ series: 0, tagSets: 0, firstTime: null });
    expect(out.unexpected[0]).toMatchObject({ series: 3, tagSets: 3 });
    expect([out.firstTime, out.lastTime]).toEqual(['2026-08-30T00:00:00Z', '2026-11-28T00:00:00Z']);
    expect(out.detailsReadAt).toBe('2026-11-28T12:00:00.000Z');
  });
});

describe('details kept in console.db', () => {
  it('come back as they were saved, and a damaged or older row is read again', () => {
    const d = index({ tagKeys: new Map([['time_based_daily', ['date', 'entity_id']]]), lastTime: new Map([['time_based_daily', '2026-11-28T00:00:00Z']]) });
    expect(detailsFromJson(detailsToJson(d))).toEqual(d);
    expect(detailsFromJson(null)).toBeNull();
    expect(detailsFromJson('{"series": [["a", "x"]]}')).toBeNull();
    expect(detailsFromJson('not json')).toBeNull();
  });
});
