import type { Cadence } from '../model/insights';
import { PERIOD_DAYS } from './periods';
import type { TimeTag } from './time-tag';

export interface Projection {
  /** Series expected when the bucket holds its full retention at today's rate. */
  projected: number;
  /** New series per day at today's rate (0 when series do not grow with time). */
  createdPerDay: number;
  /** Series if the time tag were dropped or moved to a field: one per combination of the other tags. */
  withoutTimeTag: number;
}

const DAY_S = 86_400;
/** A bucket that keeps data forever is projected over a year. */
export const FOREVER_DAYS = 365;

export const retentionDays = (retentionSeconds: number): number => (retentionSeconds > 0 ? retentionSeconds / DAY_S : FOREVER_DAYS);

/**
 * With a time-valued tag every period makes its own series: the series of one period (series
 * now / distinct values of the tag) times the periods the retention holds. Without one the
 * series are the entities, and they do not grow with time.
 */
export function projectSeries(series: number, timeTag: (TimeTag & { distinctValues: number }) | null, retentionSeconds: number): Projection {
  if (!timeTag || timeTag.distinctValues === 0 || series === 0) return { projected: series, createdPerDay: 0, withoutTimeTag: series };
  const perPeriod = series / timeTag.distinctValues;
  const periods = retentionDays(retentionSeconds) / PERIOD_DAYS[timeTag.period];
  return {
    projected: Math.max(series, Math.round(perPeriod * periods)),
    createdPerDay: Math.round((perPeriod / PERIOD_DAYS[timeTag.period]) * 100) / 100,
    withoutTimeTag: Math.ceil(perPeriod),
  };
}

/** The period a projection over `cadence` covers, for the words of a finding. */
export function periodsIn(retentionSeconds: number, period: Cadence): number {
  return Math.round(retentionDays(retentionSeconds) / PERIOD_DAYS[period]);
}
