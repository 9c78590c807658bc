/**
 * Shard-group durations (SGD): how much time each shard group of a bucket covers.
 * InfluxDB 2.x rules (v1/services/meta/data.go in influxdata/influxdb, the same in 2.7 and 2.8):
 * - 0 or absent lets the server derive it from the retention (`shardGroupDuration`);
 * - a value under 1h is not refused but silently stored as 1h (`NormalisedShardDuration`);
 * - a finite retention shorter than the SGD is refused (`ErrIncompatibleDurations`); equal is allowed;
 * - a change applies to shard groups created afterwards: existing ones keep their start and end;
 * - a shard group is deleted once its end is older than the retention (`ExpiredShardGroups`),
 *   so data outlives the retention by up to one SGD.
 */
import { MAX_RETENTION_SECONDS, durationTextSeconds, formatRetention } from './retention';

export const MIN_SHARD_GROUP_SECONDS = 3600;
const HOUR = 3600;
const DAY = 86_400;

export type ShardGroupParse = { ok: true; seconds: number } | { ok: false; message: string };

export function parseShardGroupDuration(input: unknown): ShardGroupParse {
  let seconds: number | null;
  let shown: string;
  if (typeof input === 'number') {
    seconds = input;
    shown = String(input);
  } else if (typeof input === 'string') {
    const text = input.trim().toLowerCase();
    shown = input.trim().slice(0, 40);
    if (text === '') return { ok: false, message: 'Shard-group duration is empty: give one such as 1d or 7d, or leave it out to let InfluxDB choose.' };
    if (text === 'infinite' || text === 'inf')
      return { ok: false, message: 'A shard-group duration cannot be infinite: give one such as 1d or 7d, or leave it out to let InfluxDB choose.' };
    seconds = text.length > 40 ? null : durationTextSeconds(text);
  } else {
    return { ok: false, message: 'Shard-group duration must be text such as 1d or 7d.' };
  }
  if (seconds === null) return { ok: false, message: `"${shown}" is not a shard-group duration: use whole numbers with s, m, h, d or w (1h, 1d, 7d).` };
  if (!Number.isInteger(seconds) || seconds < 0) return { ok: false, message: `Shard-group duration "${shown}" must be a whole, positive number of seconds.` };
  if (seconds < MIN_SHARD_GROUP_SECONDS) {
    return { ok: false, message: `Shard-group duration must be at least 1h: InfluxDB does not refuse "${shown}" but silently stores 1h instead.` };
  }
  if (seconds > MAX_RETENTION_SECONDS) return { ok: false, message: 'Shard-group duration is longer than 1000 years: give one such as 7d or 30d.' };
  return { ok: true, seconds };
}

/** What InfluxDB picks when none is given: under 2 days → 1h, under 180 days → 1d, else (and infinite) → 7d. */
export function derivedShardGroupSeconds(retentionSeconds: number): number {
  if (retentionSeconds === 0 || retentionSeconds >= 180 * DAY) return 7 * DAY;
  if (retentionSeconds >= 2 * DAY) return DAY;
  return HOUR;
}

/** InfluxDB's refusal of a retention and SGD pair, or null when it accepts them. */
export function shardGroupConflict(retentionSeconds: number, shardGroupSeconds: number): string | null {
  if (retentionSeconds > 0 && shardGroupSeconds > retentionSeconds) {
    return `InfluxDB refuses a shard-group duration (${formatRetention(shardGroupSeconds)}) longer than the retention (${formatRetention(retentionSeconds)}): use a shard-group duration of at most ${formatRetention(retentionSeconds)}, or a longer retention.`;
  }
  return null;
}

/** InfluxDB's refusal of a new retention shorter than the SGD the bucket keeps, without the fix (callers add theirs). */
export function retentionBelowShardGroups(retentionSeconds: number, keptShardGroupSeconds: number): string | null {
  if (!keptShardGroupSeconds || !shardGroupConflict(retentionSeconds, keptShardGroupSeconds)) return null;
  return `InfluxDB refuses a retention (${formatRetention(retentionSeconds)}) shorter than the bucket's shard-group duration (${formatRetention(keptShardGroupSeconds)})`;
}

/** What a new SGD does to the data a bucket holds, in one sentence for a plan or a dialog. */
export function shardGroupEffect(fromSeconds: number | undefined, toSeconds: number, retentionSeconds: number): string {
  const keep = fromSeconds ? `existing shard groups keep their ${formatRetention(fromSeconds)} duration` : 'existing shard groups keep their duration';
  const linger =
    retentionSeconds > 0
      ? ` (a shard group expires only once its end is older than ${formatRetention(retentionSeconds)}, so its data may stay up to ${formatRetention(toSeconds)} longer)`
      : '';
  return `applies to new shard groups only, ${keep}${linger}`;
}
