import { describe, expect, it } from 'vitest';
import { clockOffset, type Arrival } from './clock-offset';

const H = 3_600_000;
const MIN = 60_000;
const now = Date.parse('2026-12-06T00:48:00Z');

/** A point written at `writtenAt` by a clock `offsetH` hours off, seen by refreshes a minute apart. */
const arrival = (writtenAt: number, offsetH: number): Arrival => ({
  stampedAt: writtenAt + offsetH * H,
  seenAt: writtenAt + 40_000,
  notBefore: writtenAt - 20_000,
});

describe('clock offsets of write-time stamps', () => {
  it('names a point stamped in the future (Asia/Tokyo, +9 h) from the data alone', () => {
    const f = clockOffset('session_weekly', new Date(now + 9 * H + 12_345).toISOString(), now, []);
    expect(f).toMatchObject({ offsetHours: 9, basis: 'future' });
    expect(f?.detail).toMatch(/naive local time read as UTC, offset \+9 h/);
    expect(f?.fix).toMatch(/datetime\.now\(timezone\.utc\)/);
  });

  it('names stamps 8 h before their arrival (America/Los_Angeles) from the refreshes that saw them arrive, and says how sure', () => {
    const one = clockOffset('session_weekly', null, now, [arrival(now - 2 * H, -8)]);
    expect(one).toMatchObject({ offsetHours: -8, basis: 'arrivals', evidence: 1 });
    expect(one?.detail).toMatch(/offset −8 h\. One arrival: likely, not certain/);
    const three = clockOffset('contextual_monthly', null, now, [arrival(now - 30 * H, -8), arrival(now - 20 * H, -8), arrival(now - H, -8)]);
    expect(three?.detail).toMatch(/3 points arrived .*Every one of 3 arrivals says the same/);
    expect(clockOffset('x', null, now, [arrival(now - H, 5.5)])?.offsetHours).toBe(5.5);
  });

  it('says nothing for a right clock, skew, midnight stamps, disagreeing arrivals or arrivals not placed closely enough', () => {
    expect(clockOffset('m', new Date(now - H).toISOString(), now, [arrival(now - 2 * H, 0)])).toBeNull();
    expect(clockOffset('m', new Date(now + 3 * MIN).toISOString(), now, [])).toBeNull();
    // A daily point stamped at its date's midnight is a chosen stamp, not a clock reading.
    expect(
      clockOffset('time_based_daily', '2026-12-07T00:00:00Z', now, [{ stampedAt: Date.parse('2026-12-05T00:00:00Z'), seenAt: now, notBefore: now - MIN }]),
    ).toBeNull();
    expect(clockOffset('m', null, now, [arrival(now - 3 * H, -8), arrival(now - H, -3)])).toBeNull();
    expect(clockOffset('m', null, now, [{ stampedAt: now - 8 * H, seenAt: now, notBefore: now - 2 * H }])).toBeNull();
    // 17 minutes late is a late write, not a zone.
    expect(clockOffset('m', null, now, [{ stampedAt: now - 17 * MIN, seenAt: now, notBefore: now - MIN }])).toBeNull();
  });
});
