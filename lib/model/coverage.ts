/**
 * How much of its retention window a bucket's data covers, and what the seed's estimate
 * (made for a full window) means for data that covers only part of it.
 */
import type { Coverage, Expectation, Verdict } from './stats';

const DAY = 86_400_000;

export function coverage(retentionSeconds: number, firstTime: string | null, now: number = Date.now()): Coverage {
  const windowDays = retentionSeconds === 0 ? null : retentionSeconds / 86_400;
  if (!firstTime) return { windowDays, coveredDays: 0, fill: windowDays === null ? null : 0 };
  const covered = Math.max(0, (now - Date.parse(firstTime)) / DAY);
  const coveredDays = windowDays === null ? covered : Math.min(covered, windowDays);
  return { windowDays, coveredDays, fill: windowDays === null ? null : coveredDays / windowDays };
}

/** Compares actual records with an estimate made for a full retention window. */
export function expectation(records: number, estimateAtFullWindow: number | null, cov: Coverage): Expectation {
  if (estimateAtFullWindow === null || cov.fill === null || cov.fill === 0) return { expectedNow: null, projected: null, ratio: null, verdict: 'none' };
  const expectedNow = estimateAtFullWindow * cov.fill;
  const projected = records / cov.fill;
  const ratio = expectedNow > 0 ? records / expectedNow : null;
  const verdict: Verdict = ratio === null ? 'none' : ratio > 2 ? 'high' : ratio < 0.5 ? 'low' : 'ok';
  return { expectedNow, projected, ratio, verdict };
}
