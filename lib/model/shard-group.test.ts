import { describe, expect, it } from 'vitest';
import { derivedShardGroupSeconds, parseShardGroupDuration, retentionBelowShardGroups, shardGroupConflict, shardGroupEffect } from './shard-group';

const HOUR = 3600;
const DAY = 86_400;

describe('shard-group durations', () => {
  it('reads 1h, 1d, 7d, 2w and bare seconds as seconds', () => {
    expect(parseShardGroupDuration('1h')).toEqual({ ok: true, seconds: HOUR });
    expect(parseShardGroupDuration(' 1D ')).toEqual({ ok: true, seconds: DAY });
    expect(parseShardGroupDuration('7d')).toEqual({ ok: true, seconds: 7 * DAY });
    expect(parseShardGroupDuration('2w')).toEqual({ ok: true, seconds: 14 * DAY });
    expect(parseShardGroupDuration('1d12h')).toEqual({ ok: true, seconds: 36 * HOUR });
    expect(parseShardGroupDuration(86_400)).toEqual({ ok: true, seconds: DAY });
  });

  it('refuses anything under 1h, because InfluxDB would silently store 1h instead', () => {
    for (const input of ['30m', '59m', '3599', 1800, '0', 0]) {
      const r = parseShardGroupDuration(input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toContain('at least 1h');
    }
  });

  it('refuses infinite, empty and malformed durations with a message that says what to write', () => {
    for (const input of ['infinite', '', '1 day', '1.5d', '-1d', 'd', '1y', 1.5, -3600, null]) {
      const r = parseShardGroupDuration(input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/shard-group duration/i);
    }
  });

  it('derives what InfluxDB picks when none is given: 1h under 2d, 1d under 180d, else 7d', () => {
    expect(derivedShardGroupSeconds(HOUR)).toBe(HOUR);
    expect(derivedShardGroupSeconds(2 * DAY - 1)).toBe(HOUR);
    expect(derivedShardGroupSeconds(2 * DAY)).toBe(DAY);
    expect(derivedShardGroupSeconds(90 * DAY)).toBe(DAY);
    expect(derivedShardGroupSeconds(180 * DAY)).toBe(7 * DAY);
    expect(derivedShardGroupSeconds(365 * DAY)).toBe(7 * DAY);
    expect(derivedShardGroupSeconds(0)).toBe(7 * DAY);
  });

  it('refuses a shard-group duration longer than a finite retention, as InfluxDB does', () => {
    expect(shardGroupConflict(30 * DAY, 31 * DAY)).toContain('InfluxDB refuses a shard-group duration (31d) longer than the retention (30d)');
    expect(shardGroupConflict(HOUR, 2 * HOUR)).toContain('at most 1h');
  });

  it('accepts a shard-group duration equal to or shorter than the retention, and any with infinite retention', () => {
    expect(shardGroupConflict(30 * DAY, 30 * DAY)).toBeNull();
    expect(shardGroupConflict(30 * DAY, DAY)).toBeNull();
    expect(shardGroupConflict(0, 3650 * DAY)).toBeNull();
  });

  it('refuses a new retention shorter than the shard-group duration the bucket keeps', () => {
    expect(retentionBelowShardGroups(2 * DAY, 7 * DAY)).toBe("InfluxDB refuses a retention (2d) shorter than the bucket's shard-group duration (7d)");
    expect(retentionBelowShardGroups(7 * DAY, 7 * DAY)).toBeNull();
    expect(retentionBelowShardGroups(0, 7 * DAY)).toBeNull();
    expect(retentionBelowShardGroups(2 * DAY, 0)).toBeNull();
  });

  it('says a change reaches new shard groups only, and how long data may outlive a finite retention', () => {
    expect(shardGroupEffect(DAY, 7 * DAY, 30 * DAY)).toBe(
      'applies to new shard groups only, existing shard groups keep their 1d duration (a shard group expires only once its end is older than 30d, so its data may stay up to 7d longer)',
    );
    expect(shardGroupEffect(DAY, 7 * DAY, 0)).toBe('applies to new shard groups only, existing shard groups keep their 1d duration');
  });
});
