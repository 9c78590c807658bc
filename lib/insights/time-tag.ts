import type { Cadence } from '../model/insights';
import { parsePeriodValue } from './periods';

/** What the index says about one tag key of a measurement: its distinct values and a sample of them. */
export interface TagFacts {
  tag: string;
  distinctValues: number;
  /** Some of its values (the index lists them in order; a sample is enough to recognise dates). */
  sample: string[];
}

export interface TimeTag {
  tag: string;
  period: Cadence;
}

const NAMED: Record<string, Cadence> = { date: 'day', day: 'day', week: 'week', month: 'month' };

/**
 * The tag whose values track `_time`: named date/week/month, or whose values read as dates,
 * ISO weeks or months (most of the sample, more than one distinct value). Such a tag makes
 * every new period a new series.
 */
export function timeTagOf(tag: TagFacts): TimeTag | null {
  const parsed = tag.sample.map(parsePeriodValue).filter((p) => p !== null);
  const periods = new Map<Cadence, number>();
  for (const p of parsed) periods.set(p.period, (periods.get(p.period) ?? 0) + 1);
  const [top] = [...periods].sort((a, b) => b[1] - a[1]);
  const named = NAMED[tag.tag.toLowerCase()];
  if (named) return { tag: tag.tag, period: top?.[0] ?? named };
  if (!top || tag.distinctValues < 2 || new Set(tag.sample).size < 2) return null;
  return top[1] >= 0.8 * tag.sample.length ? { tag: tag.tag, period: top[0] } : null;
}

/** The time-valued tag of a measurement, if any (the one with most distinct values wins). */
export function findTimeTag(tags: readonly TagFacts[]): TimeTag | null {
  const found = tags.map((t) => ({ t, time: timeTagOf(t) })).filter((x) => x.time !== null);
  found.sort((a, b) => b.t.distinctValues - a.t.distinctValues);
  return found[0]?.time ?? null;
}
