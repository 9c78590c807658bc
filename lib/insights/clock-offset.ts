/**
 * Points stamped by a writer's clock in the wrong zone. HomeIQ's writer stamps weekly and monthly
 * points with Python's `datetime.now()`: a naive local time, which the InfluxDB client reads as UTC.
 * With the service's `TZ=America/Los_Angeles` a point written at 00:48Z is stamped 16:48Z the day
 * before (8 h early); with `Asia/Tokyo`, 9 h in the future.
 *
 * Two ways to see it:
 * - points stamped in the future beyond a clock skew: certain from the data alone;
 * - arrivals: when the console's counts first see a newer point, it arrived between that refresh and
 *   the one before. A write-time stamp (not at midnight: a period's start is a chosen stamp, not a
 *   clock reading) that many whole (or half) hours before its arrival is a zone offset.
 */

/** A newer point the console saw arrive: its stamp, and the refreshes before and at which it appeared. */
export interface Arrival {
  stampedAt: number;
  /** The refresh that first counted it. */
  seenAt: number;
  /** The refresh before, which did not count it: it was written after this. */
  notBefore: number;
}

export interface ClockOffset {
  /** Hours the stamps are ahead of UTC (negative: behind), in steps of half an hour. */
  offsetHours: number;
  /** Points the finding rests on, and how it knows. */
  basis: 'future' | 'arrivals';
  evidence: number;
  detail: string;
  fix: string;
}

const MINUTE = 60_000;
const HALF_HOUR = 30 * MINUTE;
/** A clock this far off is skew, not a zone. */
export const SKEW_MS = 5 * MINUTE;
/** An arrival is placed only when the refreshes around it are this close. */
export const MAX_WINDOW_MS = 20 * MINUTE;

const hours = (h: number) => `${h > 0 ? '+' : h < 0 ? '−' : ''}${Math.abs(h)} h`;
const isMidnight = (t: number) => t % 86_400_000 === 0;
const iso = (t: number) => new Date(t).toISOString().replace('.000Z', 'Z');

/** The whole or half hour `ms` is near, when it is within `slack` of one and at least 45 min away from 0. */
function zoneOffset(ms: number, slack: number): number | null {
  const steps = Math.round(ms / HALF_HOUR);
  if (Math.abs(ms) < 45 * MINUTE || Math.abs(ms - steps * HALF_HOUR) > slack) return null;
  return steps / 2;
}

function fixFor(measurement: string): string {
  return `In the writer of ${measurement}, stamp with an aware UTC time: \`datetime.now(timezone.utc)\` (with \`from datetime import timezone\`), not \`datetime.now()\`, which is the service's local time (TZ) and is read as UTC.`;
}

/**
 * The offset of a measurement's write-time stamps, or null. `lastTime` is its newest point, `now` the
 * console's clock, `arrivals` what its refreshes saw (newest last).
 */
export function clockOffset(measurement: string, lastTime: string | null, now: number, arrivals: readonly Arrival[]): ClockOffset | null {
  const last = lastTime ? Date.parse(lastTime) : Number.NaN;
  if (!Number.isNaN(last) && last - now > SKEW_MS && !isMidnight(last)) {
    const ahead = zoneOffset(last - now, 15 * MINUTE);
    const what = ahead !== null ? `a naive local time read as UTC, offset ${hours(ahead)}` : 'a clock ahead of UTC';
    return {
      offsetHours: ahead ?? Math.round((last - now) / HALF_HOUR) / 2,
      basis: 'future',
      evidence: 1,
      detail: `${measurement}: its newest point is stamped ${iso(last)}, ${Math.round((last - now) / MINUTE)} min after the console's clock (${iso(now)}): ${what}. Certain from the data: no point can be written in the future.`,
      fix: fixFor(measurement),
    };
  }
  const placed = arrivals
    .filter((a) => a.seenAt - a.notBefore <= MAX_WINDOW_MS && !isMidnight(a.stampedAt))
    .map((a) => zoneOffset((a.notBefore + a.seenAt) / 2 - a.stampedAt, (a.seenAt - a.notBefore) / 2 + SKEW_MS))
    .filter((h): h is number => h !== null);
  if (placed.length === 0) return null;
  const first = placed[0] ?? 0;
  // Each arrival must say the same: one odd arrival (a backfill, a late write) is no offset.
  if (placed.some((h) => h !== first)) return null;
  const behind = -first;
  return {
    offsetHours: behind,
    basis: 'arrivals',
    evidence: placed.length,
    detail: `${measurement}: ${placed.length === 1 ? 'a point arrived' : `${placed.length} points arrived`} stamped ${Math.abs(first)} h ${first > 0 ? 'before' : 'after'} the time the console saw ${placed.length === 1 ? 'it' : 'them'} arrive: a naive local time read as UTC, offset ${hours(behind)}. ${placed.length === 1 ? 'One arrival: likely, not certain (a late write would look the same).' : `Every one of ${placed.length} arrivals says the same.`}`,
    fix: fixFor(measurement),
  };
}
