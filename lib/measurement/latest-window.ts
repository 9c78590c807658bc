import { LAST } from '../stats/slices';
import type { TimeRange } from '../influx/index-reads';

/**
 * The time range that holds the newest `needed` points, from the records per day the counts
 * already know: the latest days, walked back until they hold enough. A page of the newest points
 * then reads those days only, not the whole measurement.
 */
export function latestWindow(perDay: readonly { day: string; records: number }[], needed: number): TimeRange | null {
  const days = [...perDay].sort((a, b) => b.day.localeCompare(a.day));
  if (days.length === 0) return null;
  let held = 0;
  let start = days[0]?.day ?? '';
  for (const d of days) {
    held += d.records;
    start = d.day;
    if (held >= needed) break;
  }
  return { start: `${start}T00:00:00Z`, stop: LAST };
}
