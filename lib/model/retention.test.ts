import { describe, expect, it } from 'vitest';
import { formatRetention, parseRetention, shortensRetention } from './retention';

describe('parseRetention', () => {
  it.each([
    ['90d', 7_776_000],
    ['365d', 31_536_000],
    ['12h', 43_200],
    ['52w', 31_449_600],
    ['7776000s', 7_776_000],
    ['7776000', 7_776_000],
    ['1h', 3600],
    ['60m', 3600],
    ['1d12h', 129_600],
    [' 90D ', 7_776_000],
    ['infinite', 0],
    ['0', 0],
    [0, 0],
    [3600, 3600],
  ])('reads %j as %d seconds', (input, seconds) => {
    expect(parseRetention(input)).toEqual({ ok: true, seconds });
  });

  it.each(['-1d', '0.5h', '59m', 'abc', '1e309', '', '   ', 'd90', '90 d', '1h-', '3599s', '99999999999999999999d', 'infinity and beyond'])(
    'refuses %j with a message',
    (input) => {
      const r = parseRetention(input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message.length).toBeGreaterThan(10);
    },
  );

  it.each([-1, 0.5, 59 * 60, Number.NaN, Number.POSITIVE_INFINITY, 1e309])('refuses the number %d', (input) => {
    expect(parseRetention(input).ok).toBe(false);
  });

  it('refuses non-text values', () => {
    expect(parseRetention(null).ok).toBe(false);
    expect(parseRetention({}).ok).toBe(false);
  });
});

describe('formatRetention', () => {
  it.each([
    [0, 'infinite'],
    [7_776_000, '90d'],
    [31_536_000, '365d'],
    [43_200, '12h'],
    [5400, '90m'],
    [3661, '3661s'],
  ])('shows %d seconds as %s', (seconds, text) => {
    expect(formatRetention(seconds)).toBe(text);
  });
});

describe('shortensRetention', () => {
  it('treats infinite as the longest retention', () => {
    expect(shortensRetention(0, 7_776_000)).toBe(true);
    expect(shortensRetention(7_776_000, 0)).toBe(false);
  });
  it('compares finite retentions', () => {
    expect(shortensRetention(34_560_000, 7_776_000)).toBe(true);
    expect(shortensRetention(2_592_000, 7_776_000)).toBe(false);
    expect(shortensRetention(7_776_000, 7_776_000)).toBe(false);
  });
});
