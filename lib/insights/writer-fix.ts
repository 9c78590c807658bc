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

/**
 * The period's start, in Python, from the tag value the writer already has, as an aware UTC
 * datetime. A week label must then be `%G-W%V` (ISO year): `%Y-W%V`, as HomeIQ's detectors
 * build it, names next year's week 1 on 29–31 December, and strptime puts it a year early.
 */
const PERIOD_START: Record<Cadence, (tag: string) => string> = {
  day: (tag) => `datetime.fromisoformat(${tag}).replace(tzinfo=timezone.utc)`,
  week: (tag) => `datetime.strptime(${tag} + "-1", "%G-W%V-%u").replace(tzinfo=timezone.utc)`,
  month: (tag) => `datetime.strptime(${tag} + "-01", "%Y-%m-%d").replace(tzinfo=timezone.utc)`,
};

/** Where HomeIQ's detectors build the week label (the issue's reading of HomeIQ's repository). */
const LABEL_SITES: Record<string, string> = {
  session_weekly: 'session_detector.py',
  day_type_weekly: 'day_type_detector.py',
};

/** How the label itself must be built so that PERIOD_START reads it back as its period. */
const LABEL: Record<Cadence, (measurement: string, tag: string) => string> = {
  day: () => '',
  week: (measurement, tag) =>
    `; build \`${tag}\` with \`.strftime("%G-W%V")\` (ISO year) where ${LABEL_SITES[measurement] ?? 'the detector'} now uses \`.strftime("%Y-W%V")\`, which labels Monday 2025-12-29 "2025-W01"`,
  month: (_measurement, tag) => `; \`${tag}\` stays \`.strftime("%Y-%m")\``,
};

/** The change for week labels built with the calendar year: the label and the stamp together. */
export function weekLabelFix(measurement: string, tag: string): string {
  return `In ${LABEL_SITES[measurement] ?? `HomeIQ's detector of ${measurement}`}, build the label with \`.strftime("%G-W%V")\` instead of \`.strftime("%Y-W%V")\`, and in ${where(measurement, (s) => s.timeLine)} stamp the point with its week's start, \`.time(${PERIOD_START.week(tag)}, WritePrecision.NS)\`: the label then names the week the point is in, and the stamp is that week's Monday 00:00 UTC.`;
}

/** The one-line change for a time-valued tag: keep the period in the timestamp, out of the series key. */
export function timeTagFix(measurement: string, tag: string, period: Cadence): string {
  const stamp =
    period === 'day'
      ? ''
      : ` and stamp the point with the ${period}'s start (\`.time(${PERIOD_START[period](tag)}, WritePrecision.NS)\`)${LABEL[period](measurement, tag)}`;
  return `In ${where(measurement, (s) => s.tagLine)}, change \`.tag("${tag}", ${tag})\` to \`.field("${tag}", ${tag})\` (or drop it: _time already says the ${period})${stamp}; readers filter by time instead of by the tag.`;
}

/** The one-line change for periodic points stamped at write time. */
export function stampFix(measurement: string, tag: string | null, period: Cadence): string {
  const start = tag ? PERIOD_START[period](tag) : `the ${period}'s start`;
  const label = tag ? LABEL[period](measurement, tag) : '';
  return `In ${where(measurement, (s) => s.timeLine)}, change \`.time(datetime.now(), WritePrecision.NS)\` to \`.time(${start}, WritePrecision.NS)\`${label}: every write of the same ${period} then lands on one timestamp and overwrites instead of adding a point.`;
}
