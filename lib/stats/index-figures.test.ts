import { describe, expect, it } from 'vitest';
import { covers, seriesFigures, type IndexFigures } from './index-figures';

const index = (over: Partial<IndexFigures> = {}): IndexFigures => ({
  series: new Map([['time_based_daily', 900]]),
  tagKeys: new Map(),
  fieldKeys: new Map(),
  slicedTagSets: new Map([['time_based_daily', 1_000]]),
  revision: 7,
  readAt: 0,
  ms: 20_000,
  ...over,
});

describe('series figures from the index', () => {
  it('takes the index as read when it was read at the counts\' revision, and bounds the summed tag sets by it', () => {
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
