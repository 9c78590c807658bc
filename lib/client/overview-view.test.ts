import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../model/verify';
import { bucketVerdict, recentDays } from './overview-view';

function check(id: string, status: CheckResult['status']): CheckResult {
  return { id, title: id, status, detail: '', fix: '', durationMs: 1 };
}

describe('bucketVerdict', () => {
  const checks = [
    check('influx-reachable', 'pass'),
    check('bucket-exists:daily', 'pass'),
    check('bucket-retention:daily', 'fail'),
    check('bucket-volume:daily', 'warn'),
    check('bucket-exists:daily_copy', 'fail'),
    check('bucket-exists:weekly', 'pass'),
  ];
  it('counts only the checks of that bucket, not of a bucket whose name merely starts the same', () => {
    expect(bucketVerdict(checks, 'daily')).toMatchObject({ pass: 1, warn: 1, fail: 1, total: 3, tone: 'red', text: '1 of 3 passed · 1 warning · 1 failed' });
    expect(bucketVerdict(checks, 'weekly')).toMatchObject({ tone: 'green', text: '1 of 1 passed' });
  });
  it('says a bucket the last run did not check was not checked', () => {
    expect(bucketVerdict(checks, 'other')).toMatchObject({ total: 0, tone: 'slate', text: 'not checked' });
  });
});

describe('recentDays', () => {
  it('gives one bar per day up to today, with zeros for days without records', () => {
    const now = Date.parse('2026-11-28T19:00:00Z');
    expect(
      recentDays(
        [
          { day: '2026-11-26', records: 5 },
          { day: '2026-11-28', records: 7 },
          { day: '2026-10-01', records: 9 },
        ],
        3,
        now,
      ),
    ).toEqual([
      { day: '2026-11-26', value: 5 },
      { day: '2026-11-27', value: 0 },
      { day: '2026-11-28', value: 7 },
    ]);
  });
});
