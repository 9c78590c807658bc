import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../verify/types';
import { backupConditions, budgetConditions, reconcile, unreachableConditions, verifyConditions } from './conditions';

const check = (id: string, status: CheckResult['status']): CheckResult => ({ id, title: id, status, detail: 'd.', fix: 'f.', durationMs: 1 });
const NOW = Date.parse('2026-11-28T12:00:00Z');

describe('alert conditions', () => {
  it('a budget crossed within 30 days, or already, is a condition; later or never is not', () => {
    const c = budgetConditions([
      {
        name: 'daily',
        crossings: [
          { kind: 'bytes', budget: 1e6, date: '2026-12-10', withinDays: 12 },
          { kind: 'records', budget: 5, date: 'now', withinDays: 0 },
        ],
      },
      {
        name: 'weekly',
        crossings: [
          { kind: 'bytes', budget: 1e9, date: '2027-06-01', withinDays: 185 },
          { kind: 'records', budget: 9, date: null, withinDays: null },
        ],
      },
    ]);
    expect(c.map((x) => x.key)).toEqual(['budget:daily:bytes', 'budget:daily:records']);
    expect(c[0]?.message).toMatch(/2026-12-10/);
  });

  it('a verification regression is a check that passed or warned before and fails now; it stays open while it keeps failing', () => {
    expect(
      verifyConditions(
        [check('a', 'pass'), check('b', 'fail'), check('c', 'warn')],
        [check('a', 'fail'), check('b', 'fail'), check('c', 'fail')],
        new Set(),
      ).map((c) => c.key),
    ).toEqual(['verify:a', 'verify:c']);
    expect(verifyConditions([check('a', 'fail')], [check('a', 'fail')], new Set(['verify:a'])).map((c) => c.key)).toEqual(['verify:a']);
    expect(verifyConditions(null, [check('a', 'fail')], new Set())).toEqual([]);
  });

  it('InfluxDB is an incident once unreachable for more than N minutes', () => {
    expect(unreachableConditions(null, NOW, 5, null)).toEqual([]);
    expect(unreachableConditions(NOW - 4 * 60_000, NOW, 5, 'refused')).toEqual([]);
    expect(unreachableConditions(NOW - 6 * 60_000, NOW, 5, 'refused')[0]?.message).toMatch(/6 minutes \(refused\)/);
  });

  it('opens an incident once per condition and resolves only incidents of the kinds evaluated', () => {
    const open = [
      { id: 1, key: 'verify:a', kind: 'verify' as const },
      { id: 2, key: 'budget:daily:bytes', kind: 'budget' as const },
    ];
    const active = [
      { key: 'verify:a', kind: 'verify' as const, title: '', message: '' },
      { key: 'verify:b', kind: 'verify' as const, title: '', message: '' },
    ];
    const r = reconcile(open, active, ['verify']);
    expect(r.opened.map((c) => c.key)).toEqual(['verify:b']);
    expect(r.resolved).toEqual([]);
    expect(reconcile(open, [], ['budget']).resolved.map((i) => i.id)).toEqual([2]);
  });
});

describe('backup alert conditions', () => {
  const H = 3_600_000;
  const health = (over: Partial<Parameters<typeof backupConditions>[0]> = {}) => ({
    periodMs: 24 * H,
    schedule: 'daily@02:00',
    newestGoodAt: NOW - 20 * H,
    lastScheduled: { at: NOW - 10 * H, ok: true, message: '' },
    dir: '/data/backups',
    ...over,
  });

  it('is quiet with the schedule off, and while the newest good backup is within twice the schedule', () => {
    expect(backupConditions(health({ periodMs: null, newestGoodAt: null, lastScheduled: { at: NOW, ok: false, message: 'x' } }), NOW)).toEqual([]);
    expect(backupConditions(health(), NOW)).toEqual([]);
    expect(backupConditions(health({ newestGoodAt: NOW - 48 * H }), NOW), 'exactly twice: not yet').toEqual([]);
  });

  it('opens when the newest good backup is older than twice the schedule, saying how old and what to do', () => {
    const [c, ...rest] = backupConditions(health({ newestGoodAt: NOW - 49 * H }), NOW);
    expect(rest).toEqual([]);
    expect(c?.key).toBe('backup:stale');
    expect(c?.kind).toBe('backup');
    expect(c?.message).toContain('49 hours old, more than twice the schedule (daily@02:00)');
    expect(c?.message).toContain('backup create');
    expect(backupConditions(health({ periodMs: 6 * H, schedule: 'every 6h', newestGoodAt: NOW - 5 * 24 * H }), NOW)[0]?.message).toContain('5 days old');
  });

  it('opens when the last scheduled backup failed, with its reason and the fix', () => {
    const c = backupConditions(health({ lastScheduled: { at: NOW - H, ok: false, message: 'The backup API needs an operator token. Fix: create one.' } }), NOW);
    expect(c.map((x) => x.key)).toEqual(['backup:scheduled-failed']);
    expect(c[0]?.message).toMatch(
      /^The scheduled backup of 2026-11-28T11:00:00.000Z failed: The backup API needs an operator token\. Fix: create one\. Fix the cause, then run `backup create`/,
    );
    expect(
      backupConditions(health({ newestGoodAt: null, lastScheduled: { at: NOW - H, ok: false, message: 'disk full' } }), NOW).map((x) => x.key),
      'no good backup at all: the failure says it',
    ).toEqual(['backup:scheduled-failed']);
    expect(
      backupConditions(health({ newestGoodAt: NOW - 60 * H, lastScheduled: { at: NOW - H, ok: false, message: 'disk full' } }), NOW).map((x) => x.key),
    ).toEqual(['backup:scheduled-failed', 'backup:stale']);
  });
});
