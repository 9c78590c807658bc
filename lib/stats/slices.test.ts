import { describe, expect, it } from 'vitest';
import { countSlices, currentSlices, FIRST, LAST, utcDayOf, type Slice } from './slices';

const NOW = Date.parse('2026-11-28T15:00:00Z');

describe('count slices', () => {
  it('covers all time without gaps or overlaps, in day slices for a 90-day bucket', () => {
    const slices = countSlices({ retentionSeconds: 90 * 86_400, shardGroupDurationSeconds: 86_400 }, NOW);
    expect(slices).not.toBeNull();
    if (!slices) return;
    expect(slices[0]?.start).toBe(FIRST);
    expect(slices.at(-1)?.stop).toBe(LAST);
    for (let i = 1; i < slices.length; i++) expect(slices[i]?.start).toBe(slices[i - 1]?.stop);
    // Whole UTC days from before the window's start to two days ahead.
    expect(slices[1]?.start).toBe('2026-08-29T00:00:00Z');
    expect(slices.at(-2)?.stop).toBe('2026-11-30T00:00:00Z');
    expect(slices.length).toBe(93 + 2);
  });

  it("follows a longer shard-group duration, aligned as InfluxDB aligns shard groups (Go's time.Truncate: 7-day groups start on Mondays)", () => {
    const slices = countSlices({ retentionSeconds: 365 * 86_400, shardGroupDurationSeconds: 7 * 86_400 }, NOW) ?? [];
    for (const s of slices.slice(1, -1)) {
      expect((Date.parse(s.stop) - Date.parse(s.start)) / 86_400_000).toBe(7);
      expect(new Date(s.start).getUTCDay()).toBe(1);
      expect(s.start.slice(11)).toBe('00:00:00Z');
    }
    // influxd 2.8 put a point of 2026-11-28 into the group starting 2026-11-23 (a Monday).
    expect(currentSlices(slices, NOW)).toEqual([{ start: '2026-11-23T00:00:00Z', stop: '2026-11-30T00:00:00Z' }]);
    expect(slices.length).toBeLessThan(60);
  });

  it('counts an infinite-retention bucket in one query', () => {
    expect(countSlices({ retentionSeconds: 0 }, NOW)).toBeNull();
  });

  it('knows a slice of exactly one UTC day, whose per-day figure is its total', () => {
    const days = countSlices({ retentionSeconds: 90 * 86_400, shardGroupDurationSeconds: 86_400 }, NOW) ?? [];
    expect(utcDayOf(days[1] as Slice)).toBe('2026-08-29');
    expect(utcDayOf(days[0] as Slice)).toBeNull();
    expect(utcDayOf(days.at(-1) as Slice)).toBeNull();
    const weeks = countSlices({ retentionSeconds: 365 * 86_400, shardGroupDurationSeconds: 7 * 86_400 }, NOW) ?? [];
    expect(
      weeks
        .slice(1, -1)
        .map(utcDayOf)
        .every((d) => d === null),
    ).toBe(true);
    expect(utcDayOf({ start: '2026-11-28T12:00:00Z', stop: '2026-11-29T12:00:00Z' })).toBeNull();
    expect(utcDayOf({ start: FIRST, stop: LAST })).toBeNull();
  });
});
