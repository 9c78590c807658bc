import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatRatio } from './format';

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
