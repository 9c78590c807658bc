import type { Cadence } from '../model/insights';
import { PERIOD_NOUN, periodStart, plural } from './periods';

export interface StampInput {
  measurement: string;
  period: Cadence;
  records: number;
  series: number;
  /** Series per period (series / distinct values of the time tag), or null without a time tag. */
  seriesPerPeriod: number | null;
  /** Distinct values of the time tag (the periods written), if any. */
  periods?: number;
  /** Records per UTC day. */
  perDay: readonly { day: string; records: number }[];
  lastTime: string | null;
}

export interface StampFinding {
  detail: string;
}

const DAY_MS = 86_400_000;
const WEEKDAY = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * Weekly and monthly points stamped with the write time instead of their period's start: a
 * backfill lands many periods on one day (one period's worth of series is all a day should
 * hold), and a point not at 00:00 of its period's first day was stamped when written. Either
 * way a rewrite of the same period adds a point instead of replacing it, and time-based
 * projections see years of data written in seconds. Daily points are stamped by their date.
 */
export function writeTimeStamps(s: StampInput): StampFinding | null {
  if (s.period === 'day' || s.records === 0) return null;
  const noun = PERIOD_NOUN[s.period];
  const parts: string[] = [];
  const perPeriod = s.seriesPerPeriod ?? 0;
  const crowded = perPeriod > 0 ? s.perDay.filter((d) => d.records > perPeriod).sort((a, b) => b.records - a.records) : [];
  const top = crowded[0];
  if (top) {
    // A rerun stamps the same periods again: no more periods than the tag has values.
    const periods = Math.min(Math.round(top.records / perPeriod), s.periods ?? Number.POSITIVE_INFINITY);
    parts.push(
      `${plural(top.records, 'point')} are stamped on ${top.day}: ${plural(periods, noun)}' worth at ${plural(Math.round(perPeriod), 'series')} per ${noun}, so they were written (backfilled) together and stamped with the write time`,
    );
  }
  const unaligned = s.perDay.filter((d) => periodStart(Date.parse(`${d.day}T00:00:00Z`), s.period) !== Date.parse(`${d.day}T00:00:00Z`));
  const last = s.lastTime ? Date.parse(s.lastTime) : Number.NaN;
  if (!top && (unaligned.length > 0 || (!Number.isNaN(last) && last !== periodStart(last, s.period)))) {
    const at = Number.isNaN(last)
      ? (unaligned[0]?.day ?? '')
      : `${s.lastTime} (a ${WEEKDAY[new Date(last).getUTCDay()]} at ${new Date(last).toISOString().slice(11, 16)})`;
    parts.push(`points are stamped at ${at}, not at the start of their ${noun}: the write time`);
  }
  if (s.records > s.series && s.series > 0)
    parts.push(`${plural(s.records, 'point')} in ${plural(s.series, 'series')}: ${plural(s.records - s.series, 'duplicate')} of a ${noun} already written`);
  if (parts.length === 0) return null;
  const spread = s.perDay.length > 0 ? ` (${plural(s.perDay.length, 'day')} with points)` : '';
  return { detail: `${s.measurement}: ${parts.join('; ')}${spread}. Projections from time then overestimate growth, and each rerun adds points.` };
}

export const DAY = DAY_MS;
