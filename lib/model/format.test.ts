import { describe, expect, it } from 'vitest';
import {
  diskFigure,
  formatAgo,
  formatBytes,
  formatCount,
  formatDay,
  formatNumber,
  formatPercent,
  formatRatio,
  formatSpan,
  formatUtc,
  formatUtcCell,
  timeTicks,
} from './format';

describe('format', () => {
  it('formats counts for people', () => {
    expect(formatCount(12345)).toBe('12,345');
    expect(formatCount(999_999)).toBe('999,999');
    expect(formatCount(1_234_567)).toBe('1.2 M');
    expect(formatCount(3_400_000_000)).toBe('3.4 G');
    expect(formatCount(Number.NaN)).toBe('—');
  });
  it('formats bytes for people', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(12.3 * 1024 * 1024)).toBe('12.3 MB');
  });
  it('formats ratios', () => {
    expect(formatRatio(2.345)).toBe('2.3×');
    expect(formatRatio(12.3)).toBe('12×');
    expect(formatRatio(null)).toBe('—');
  });
});

describe('formatSpan', () => {
  it('says a span the way a person would', () => {
    expect(formatSpan(45_000)).toBe('45 s');
    expect(formatSpan(4 * 60_000 + 10_000)).toBe('4 min');
    expect(formatSpan(6 * 3_600_000)).toBe('6 h');
    expect(formatSpan(5 * 3_600_000 + 56 * 60_000)).toBe('5 h 56 min');
    expect(formatSpan(51 * 3_600_000)).toBe('2 days 3 h');
  });
});

describe('diskFigure', () => {
  it('says pending, not 0 B, while InfluxDB has not flushed the records it holds', () => {
    expect(diskFigure(5019, 0)).toEqual({ value: 'pending', hint: 'until InfluxDB flushes its cache to disk', pending: true });
  });
  it('is 0 B for an empty bucket, the size once flushed, and a dash when unknown', () => {
    expect(diskFigure(0, 0)).toMatchObject({ value: '0 B', pending: false });
    expect(diskFigure(5019, 3_040_000)).toMatchObject({ value: '2.9 MB', pending: false });
    expect(diskFigure(5019, null)).toMatchObject({ value: '—', pending: false });
  });
});

describe('numbers', () => {
  it('separates thousands and keeps only the digits asked for', () => {
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(-4321)).toBe('-4,321');
    expect(formatNumber(2.345, 1)).toBe('2.3');
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('—');
  });
  it('writes a percentage with no space before the sign', () => {
    expect(formatPercent(0.61)).toBe('61%');
    expect(formatPercent(0.99)).toBe('99%');
    expect(formatPercent(12.5)).toBe('1,250%');
    expect(formatPercent(0.025)).toBe('2.5%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(0.6149, 1)).toBe('61.5%');
    expect(formatPercent(Number.NaN)).toBe('—');
  });
});

describe('times', () => {
  const at = Date.UTC(2026, 11, 6, 5, 12, 9, 345);
  it('prints an absolute time in UTC and says so, whatever the zone of the machine', () => {
    expect(formatUtc(at)).toBe('2026-12-06 05:12:09 UTC');
    expect(formatUtc(new Date(at).toISOString())).toBe('2026-12-06 05:12:09 UTC');
    expect(formatUtc('2026-12-06T07:12:09+02:00')).toBe('2026-12-06 05:12:09 UTC');
    expect(formatUtc(at, 'minute')).toBe('2026-12-06 05:12 UTC');
    expect(formatUtc(null)).toBe('—');
    expect(formatUtc('not a time')).toBe('—');
  });
  it('gives a CSV cell the instant in UTC with its Z', () => {
    expect(formatUtcCell(at)).toBe('2026-12-06T05:12:09Z');
    expect(formatUtcCell(null)).toBe('');
  });
  it('takes the UTC day of an instant with an offset', () => {
    expect(formatDay('2026-12-06T23:30:00-02:00')).toBe('2026-12-07');
    expect(formatDay(null)).toBe('—');
  });
  it('says how long ago in seconds, minutes, hours, then days', () => {
    expect(formatAgo(at, at + 12_000)).toBe('12 s ago');
    expect(formatAgo(at, at + 89_000)).toBe('89 s ago');
    expect(formatAgo(at, at + 3 * 60_000)).toBe('3 min ago');
    expect(formatAgo(at, at + 5 * 3_600_000)).toBe('5 h ago');
    expect(formatAgo(at, at + 3 * 86_400_000)).toBe('3 days ago');
    expect(formatAgo(at, at - 120_000)).toBe('in 2 min');
    expect(formatAgo(at, at - 500)).toBe('0 s ago');
  });
});

describe('timeTicks', () => {
  const distinct = (min: number, max: number) => {
    const { ticks, label } = timeTicks(min, max, 6);
    const labels = ticks.map(label);
    expect(new Set(labels).size, labels.join(', ')).toBe(labels.length);
    for (const t of ticks) {
      expect(t).toBeGreaterThanOrEqual(min);
      expect(t).toBeLessThanOrEqual(max);
    }
    expect(ticks.length).toBeLessThanOrEqual(7);
    return labels;
  };
  const start = Date.UTC(2026, 11, 6, 0, 3);
  it('labels a few minutes of samples by time of day, never the same day five times', () => {
    expect(distinct(start, start + 20 * 60_000)).toEqual(['00:05', '00:10', '00:15', '00:20']);
  });
  it('labels half a minute of samples to the second', () => {
    expect(distinct(start, start + 30_000)).toEqual(['00:03:00', '00:03:10', '00:03:20', '00:03:30']);
  });
  it('names the day with the hour when the samples cross midnight', () => {
    const labels = distinct(Date.UTC(2026, 11, 5, 20), Date.UTC(2026, 11, 6, 4));
    expect(labels[0]).toBe('12-05 21:00');
    expect(labels.at(-1)).toBe('12-06 03:00');
  });
  it('labels weeks of samples by day, every label different', () => {
    expect(distinct(start, start + 20 * 86_400_000)[0]).toMatch(/^12-\d\d$/);
    distinct(start, start + 400 * 86_400_000);
    distinct(start, start + 1000);
    distinct(start, start);
  });
});
