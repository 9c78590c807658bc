import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../verify/types';
import { budgetConditions, reconcile, unreachableConditions, verifyConditions } from './conditions';

const check = (id: string, status: CheckResult['status']): CheckResult => ({ id, title: id, status, detail: 'd.', fix: 'f.', durationMs: 1 });
const NOW = Date.parse('2026-11-28T12:00:00Z');

describe('alert conditions', () => {
  it('a budget crossed within 30 days, or already, is a condition; later or never is not', () => {
    const c = budgetConditions([
      { name: 'daily', crossings: [{ kind: 'bytes', budget: 1e6, date: '2026-12-10', withinDays: 12 }, { kind: 'records', budget: 5, date: 'now', withinDays: 0 }] },
      { name: 'weekly', crossings: [{ kind: 'bytes', budget: 1e9, date: '2027-06-01', withinDays: 185 }, { kind: 'records', budget: 9, date: null, withinDays: null }] },
    ]);
    expect(c.map((x) => x.key)).toEqual(['budget:daily:bytes', 'budget:daily:records']);
    expect(c[0]?.message).toMatch(/2026-12-10/);
  });

  it('a verification regression is a check that passed or warned before and fails now; it stays open while it keeps failing', () => {
    expect(verifyConditions([check('a', 'pass'), check('b', 'fail'), check('c', 'warn')], [check('a', 'fail'), check('b', 'fail'), check('c', 'fail')], new Set()).map((c) => c.key)).toEqual(['verify:a', 'verify:c']);
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
    const active = [{ key: 'verify:a', kind: 'verify' as const, title: '', message: '' }, { key: 'verify:b', kind: 'verify' as const, title: '', message: '' }];
    const r = reconcile(open, active, ['verify']);
    expect(r.opened.map((c) => c.key)).toEqual(['verify:b']);
    expect(r.resolved).toEqual([]);
    expect(reconcile(open, [], ['budget']).resolved.map((i) => i.id)).toEqual([2]);
  });
});
