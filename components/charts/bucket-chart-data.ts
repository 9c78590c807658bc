import type { BucketStats } from '@/lib/model/stats';
import type { Coverage } from '@/lib/model/stats';
import { colorAt } from './palette';

/** One bar group per measurement. */
export interface MeasurementBar {
  name: string;
  records: number;
  series: number;
  /** The spec's share of the estimate at full retention; 0 outside the spec. */
  expected: number;
}

/** One row per UTC day: the day, and each measurement's records that day (0 when it wrote none). */
export type DayRow = { day: string } & Record<string, string | number>;

/** One entry of a chart's legend. */
export interface LegendItem {
  name: string;
  color: string;
}

export interface BucketChartData {
  bars: MeasurementBar[];
  /** The measurements with records, one stacked area each, in this order. */
  stacked: LegendItem[];
  /** Every day with records in any measurement, oldest first. */
  days: string[];
  perDay: DayRow[];
  retention: { name: string; window: number; covered: number }[];
}

/** The figures the charts draw: a poll that changes only a bucket's times leaves these the same objects. */
export type ChartedStats = Pick<BucketStats, 'name' | 'measurements' | 'unexpected'>;

/** What the four charts of a bucket draw, from its figures (spec measurements first, then the unexpected ones). */
export function bucketChartData(stats: ChartedStats, cov: Coverage): BucketChartData {
  const all = [...stats.measurements, ...stats.unexpected];
  const days = [...new Set(all.flatMap((m) => m.perDay.map((d) => d.day)))].sort();
  const recordsOn = all.map((m) => new Map(m.perDay.map((d) => [d.day, d.records])));
  return {
    bars: all.map((m) => ({ name: m.name, records: m.records, series: m.series, expected: m.expectedRecords ?? 0 })),
    stacked: all.filter((m) => m.records > 0).map((m, i) => ({ name: m.name, color: colorAt(i) })),
    days,
    perDay: days.map((day) => {
      const row: DayRow = { day };
      all.forEach((m, i) => {
        row[m.name] = recordsOn[i]?.get(day) ?? 0;
      });
      return row;
    }),
    retention: [{ name: stats.name, window: cov.windowDays ?? Math.max(cov.coveredDays, 1), covered: Math.round(cov.coveredDays * 10) / 10 }],
  };
}

/** Width of a day label ("2026-11-29") at 11 px, the widest of the usual fonts, and the gap kept between two. */
export const DAY_LABEL_PX = 64;
const DAY_LABEL_GAP_PX = 24;

/**
 * The days to label on an axis `plotWidth` px wide that spaces `days` (oldest first) evenly: every
 * n-th day back from the latest, n as small as keeps the labels apart. From a fixed label width, so
 * that recharts measures no label in the DOM to choose them.
 */
export function dayTicks(days: readonly string[], plotWidth: number): string[] {
  const spacing = Math.max(plotWidth, 1) / Math.max(days.length - 1, 1);
  const step = Math.max(1, Math.ceil((DAY_LABEL_PX + DAY_LABEL_GAP_PX) / spacing));
  const ticks: string[] = [];
  for (let i = days.length - 1; i >= 0; i -= step) {
    const day = days[i];
    if (day !== undefined) ticks.push(day);
  }
  return ticks.reverse();
}
