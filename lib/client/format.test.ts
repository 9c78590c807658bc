import { describe, expect, it } from 'vitest';
import { diskFigure, formatBytes, formatCount, formatRatio, formatSpan } from './format';

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
