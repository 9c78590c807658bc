import type { Cadence } from '../model/insights';

/**
 * Where HomeIQ's writer puts the period in a tag and stamps its points: PatternAggregateClient,
 * in services/ai-automation-service/src/clients/pattern_aggregate_client.py (last seen at commit
 * cd124f3508edd9d243afac7aa8d716659e3bc40a of wtthornton/HomeIQ, before it was archived). Line
 * numbers are that version's; a measurement not listed gets a fix in general terms.
 */
export const HOMEIQ_WRITER = 'services/ai-automation-service/src/clients/pattern_aggregate_client.py';

interface WriterSite {
  method: string;
  /** Line of `.tag("<time tag>", …)`. */
  tagLine: number;
  /** Line of `.time(…)`. */
  timeLine: number;
}

const SITES: Record<string, WriterSite> = {
  time_based_daily: { method: 'write_time_based_daily', tagLine: 75, timeLine: 83 },
  co_occurrence_daily: { method: 'write_co_occurrence_daily', tagLine: 99, timeLine: 105 },
  sequence_daily: { method: 'write_sequence_daily', tagLine: 121, timeLine: 127 },
  room_based_daily: { method: 'write_room_based_daily', tagLine: 143, timeLine: 149 },
  duration_daily: { method: 'write_duration_daily', tagLine: 166, timeLine: 173 },
  anomaly_daily: { method: 'write_anomaly_daily', tagLine: 190, timeLine: 197 },
  session_weekly: { method: 'write_session_weekly', tagLine: 227, timeLine: 234 },
  day_type_weekly: { method: 'write_day_type_weekly', tagLine: 260, timeLine: 266 },
  contextual_monthly: { method: 'write_contextual_monthly', tagLine: 294, timeLine: 300 },
  seasonal_monthly: { method: 'write_seasonal_monthly', tagLine: 324, timeLine: 329 },
};

const where = (measurement: string, line: (s: WriterSite) => number): string => {
  const site = SITES[measurement];
  return site ? `${HOMEIQ_WRITER}:${line(site)} (${site.method})` : `HomeIQ's writer of ${measurement}`;
};

/** The period's start, in Python, from the tag value the writer already has. */
const PERIOD_START: Record<Cadence, (tag: string) => string> = {
  day: (tag) => `datetime.fromisoformat(${tag})`,
  week: (tag) => `datetime.strptime(${tag} + "-1", "%G-W%V-%u")`,
  month: (tag) => `datetime.strptime(${tag} + "-01", "%Y-%m-%d")`,
};

/** The one-line change for a time-valued tag: keep the period in the timestamp, out of the series key. */
export function timeTagFix(measurement: string, tag: string, period: Cadence): string {
  const stamp = period === 'day' ? '' : ` and stamp the point with the ${period}'s start (\`.time(${PERIOD_START[period](tag)}, WritePrecision.NS)\`)`;
  return `In ${where(measurement, (s) => s.tagLine)}, change \`.tag("${tag}", ${tag})\` to \`.field("${tag}", ${tag})\` (or drop it: _time already says the ${period})${stamp}; readers filter by time instead of by the tag.`;
}

/** The one-line change for periodic points stamped at write time. */
export function stampFix(measurement: string, tag: string | null, period: Cadence): string {
  const start = tag ? PERIOD_START[period](tag) : `the ${period}'s start`;
  return `In ${where(measurement, (s) => s.timeLine)}, change \`.time(datetime.now(), WritePrecision.NS)\` to \`.time(${start}, WritePrecision.NS)\`: every write of the same ${period} then lands on one timestamp and overwrites instead of adding a point.`;
}
