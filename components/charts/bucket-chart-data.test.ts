import { describe, expect, it } from 'vitest';
import type { MeasurementStats } from '@/lib/model/stats';
import type { Coverage } from '@/lib/model/stats';
import { bucketChartData, DAY_LABEL_PX, dayTicks } from './bucket-chart-data';
import { colorAt } from './palette';

function measurement(name: string, perDay: [string, number][], extra: Partial<MeasurementStats> = {}): MeasurementStats {
  const records = perDay.reduce((n, [, r]) => n + r, 0);
  return {
    name,
    detector: 'd',
    records,
    series: records,
    tagSets: records,
    tagKeys: [],
    fieldKeys: [],
    firstTime: null,
    lastTime: null,
    perDay: perDay.map(([day, r]) => ({ day, records: r })),
    expectedRecords: 100,
    ...extra,
  };
}

const COV: Coverage = { windowDays: 90, coveredDays: 2.46, fill: 2.46 / 90 };
const days = (n: number) => Array.from({ length: n }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10));

describe('bucketChartData', () => {
  it('puts one row per day with records in any measurement, a zero where a measurement wrote none that day', () => {
    const a = measurement('a', [
      ['2026-01-02', 3],
      ['2026-01-01', 1],
    ]);
    const b = measurement('b', [['2026-01-03', 5]]);
    const data = bucketChartData({ name: 'bucket', measurements: [a], unexpected: [b] }, COV);
    expect(data.days).toEqual(['2026-01-01', '2026-01-02', '2026-01-03']);
    expect(data.perDay).toEqual([
      { day: '2026-01-01', a: 1, b: 0 },
      { day: '2026-01-02', a: 3, b: 0 },
      { day: '2026-01-03', a: 0, b: 5 },
    ]);
  });

  it('draws a bar group for every measurement, spec first, and stacks only those with records', () => {
    const data = bucketChartData(
      {
        name: 'bucket',
        measurements: [measurement('a', []), measurement('b', [['2026-01-01', 2]])],
        unexpected: [measurement('x', [['2026-01-01', 4]], { expectedRecords: null })],
      },
      COV,
    );
    expect(data.bars).toEqual([
      { name: 'a', records: 0, series: 0, expected: 100 },
      { name: 'b', records: 2, series: 2, expected: 100 },
      { name: 'x', records: 4, series: 4, expected: 0 },
    ]);
    expect(data.stacked).toEqual([
      { name: 'b', color: colorAt(0) },
      { name: 'x', color: colorAt(1) },
    ]);
  });

  it('shows the retention window against the days covered, to a tenth of a day', () => {
    expect(bucketChartData({ name: 'bucket', measurements: [], unexpected: [] }, COV).retention).toEqual([{ name: 'bucket', window: 90, covered: 2.5 }]);
    expect(bucketChartData({ name: 'forever', measurements: [], unexpected: [] }, { windowDays: null, coveredDays: 0.2, fill: null }).retention).toEqual([
      { name: 'forever', window: 1, covered: 0.2 },
    ]);
  });
});

describe('dayTicks', () => {
  it('labels every day when there is room, and no day of an empty chart', () => {
    expect(dayTicks(days(3), 1000)).toEqual(days(3));
    expect(dayTicks([], 500)).toEqual([]);
    expect(dayTicks(days(1), 500)).toEqual(days(1));
  });

  it('always labels the latest day and keeps the labels a label and a gap apart', () => {
    for (const width of [120, 200, 398, 700, 1100]) {
      const all = days(90);
      const ticks = dayTicks(all, width);
      expect(ticks.at(-1)).toBe('2026-03-31');
      const spacing = width / (all.length - 1);
      const positions = ticks.map((d) => all.indexOf(d) * spacing);
      const gaps = positions.slice(1).map((x, i) => x - (positions[i] ?? 0));
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(DAY_LABEL_PX);
    }
  });

  it('labels as many days as a 90-day chart of the Measurements screen showed before (5 at 1280 px, 3 on a phone)', () => {
    expect(dayTicks(days(90), 398)).toHaveLength(5);
    expect(dayTicks(days(90), 185)).toHaveLength(3);
  });
});
