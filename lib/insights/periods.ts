import type { Cadence } from '../model/insights';

/** A tag value read as the period it names: a date (day), an ISO week or a month, with the period's start. */
export interface PeriodValue {
  period: Cadence;
  /** Unix ms of the period's first instant (UTC). */
  start: number;
}

const DAY_MS = 86_400_000;

/** Average length of each period, for projections over a retention window. */
export const PERIOD_DAYS: Record<Cadence, number> = { day: 1, week: 7, month: 365.25 / 12 };

export const periodMs = (p: Cadence): number => PERIOD_DAYS[p] * DAY_MS;

/** Monday 00:00 UTC of ISO week `week` of `year`. */
export function isoWeekStart(year: number, week: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const dow = new Date(jan4).getUTCDay() || 7;
  return jan4 - (dow - 1) * DAY_MS + (week - 1) * 7 * DAY_MS;
}

/** ISO week-numbering year and week of the UTC day holding `t` (Python's `%G` and `%V`). */
export function isoWeekOf(t: number): { year: number; week: number } {
  const day = Math.floor(t / DAY_MS) * DAY_MS;
  // The Thursday of the same ISO week decides the year.
  const thursday = day + (4 - (new Date(day).getUTCDay() || 7)) * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  return { year, week: Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1 };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `strftime('%G-W%V')`: the week label a reader can turn back into the week (ISO year and week). */
export function isoWeekLabel(t: number): string {
  const { year, week } = isoWeekOf(t);
  return `${pad(year, 4)}-W${pad(week)}`;
}

/** `strftime('%Y-W%V')`, as HomeIQ's detectors build it: the calendar year with the ISO week, wrong around New Year. */
export function calendarWeekLabel(t: number): string {
  return `${pad(new Date(t).getUTCFullYear(), 4)}-W${pad(isoWeekOf(t).week)}`;
}

/** `strftime('%Y-%m')`. */
export function monthLabel(t: number): string {
  const d = new Date(t);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}`;
}

/** 52 or 53: an ISO year has week 53 when 28 December falls in it. */
export function isoWeeksInYear(year: number): number {
  return isoWeekOf(Date.UTC(year, 11, 28)).week;
}

/** `2026-11-28`, `2026-11-28T00:00:00Z`, `2026-W48` or `2026-11`; anything else is null. */
export function parsePeriodValue(value: string): PeriodValue | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:T00:00(?::00(?:\.0+)?)?Z?)?$/.exec(value);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const t = Date.UTC(y, mo - 1, d);
    const back = new Date(t);
    return back.getUTCMonth() === mo - 1 && back.getUTCDate() === d ? { period: 'day', start: t } : null;
  }
  m = /^(\d{4})-?W(\d{2})$/.exec(value);
  if (m) {
    const week = Number(m[2]);
    return week >= 1 && week <= 53 ? { period: 'week', start: isoWeekStart(Number(m[1]), week) } : null;
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) {
    const mo = Number(m[2]);
    return mo >= 1 && mo <= 12 ? { period: 'month', start: Date.UTC(Number(m[1]), mo - 1, 1) } : null;
  }
  return null;
}

/** The start of the period that holds `t` (weeks start on Monday, as ISO weeks do). */
export function periodStart(t: number, period: Cadence): number {
  const day = Math.floor(t / DAY_MS) * DAY_MS;
  if (period === 'day') return day;
  if (period === 'week') return day - ((new Date(day).getUTCDay() || 7) - 1) * DAY_MS;
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

export const PERIOD_NOUN: Record<Cadence, string> = { day: 'day', week: 'week', month: 'month' };
export const PERIOD_ADVERB: Record<Cadence, string> = { day: 'daily', week: 'weekly', month: 'monthly' };

export { plural } from '../model/plural';
