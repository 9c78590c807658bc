import type { CheckResult } from '../model/verify';
import { plural } from '../model/plural';

const DAY_MS = 86_400_000;

export interface BucketVerdict {
  pass: number;
  warn: number;
  fail: number;
  total: number;
  tone: 'green' | 'amber' | 'red' | 'slate';
  text: string;
}

/** The last verification's checks of one bucket (their ids end in `:<bucket>`). */
export function bucketVerdict(checks: readonly CheckResult[], bucket: string): BucketVerdict {
  const mine = checks.filter((c) => c.id.endsWith(`:${bucket}`));
  const pass = mine.filter((c) => c.status === 'pass').length;
  const warn = mine.filter((c) => c.status === 'warn').length;
  const fail = mine.filter((c) => c.status === 'fail').length;
  if (mine.length === 0) return { pass, warn, fail, total: 0, tone: 'slate', text: 'not checked' };
  const parts = [`${pass} of ${mine.length} passed`, ...(warn ? [plural(warn, 'warning')] : []), ...(fail ? [`${fail} failed`] : [])];
  return { pass, warn, fail, total: mine.length, tone: fail ? 'red' : warn ? 'amber' : 'green', text: parts.join(' · ') };
}

/** The last `days` UTC days up to today, a bar each (0 where nothing was written), for the tiles' growth chart. */
export function recentDays(perDay: readonly { day: string; records: number }[], days: number, now: number): { day: string; value: number }[] {
  const byDay = new Map(perDay.map((d) => [d.day, d.records]));
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  return Array.from({ length: days }, (_, i) => {
    const day = new Date(today - (days - 1 - i) * DAY_MS).toISOString().slice(0, 10);
    return { day, value: byDay.get(day) ?? 0 };
  });
}
