import { describe, expect, it } from 'vitest';
import { instantOf, parseInstant } from './time-input';

const ns = (text: string) => {
  const p = parseInstant(text);
  if (!p.ok) throw new Error(p.message);
  return p.instant;
};

describe('typed times', () => {
  it('reads a date as midnight UTC', () => {
    expect(ns('2026-11-01')).toEqual({ ns: 1_793_491_200_000_000_000n, iso: '2026-11-01T00:00:00Z' });
  });

  it('reads RFC 3339 with an offset and nanoseconds, and writes it back in UTC', () => {
    expect(ns('2026-11-01T01:00:00+01:00').iso).toBe('2026-11-01T00:00:00Z');
    expect(ns('2026-11-01T00:00:00.000000001Z')).toEqual({ ns: 1_793_491_200_000_000_001n, iso: '2026-11-01T00:00:00.000000001Z' });
    expect(ns('2026-11-01T00:00:00.5Z').iso).toBe('2026-11-01T00:00:00.5Z');
  });

  it('handles times before 1970', () => {
    expect(instantOf(-1n).iso).toBe('1969-12-31T23:59:59.999999999Z');
    expect(ns('1969-12-31T23:59:59.999999999Z').ns).toBe(-1n);
  });

  it('refuses what is not a time, or not a real date, or outside what InfluxDB stores', () => {
    for (const bad of ['', 'yesterday', '2026-02-31', '2026-11-01T25:00:00Z', '2026-11-01T00:00:00', '1500-01-01', '2300-01-01T00:00:00Z', '1 day ago']) {
      expect(parseInstant(bad).ok, bad).toBe(false);
    }
  });
});
