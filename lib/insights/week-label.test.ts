import { describe, expect, it } from 'vitest';
import { calendarWeekLabel, isoWeekLabel, isoWeeksInYear, monthLabel, parsePeriodValue } from './periods';
import { weekLabelDetail, weekLabelSlip, weekLabelSlips } from './week-label';
import { stampFix, timeTagFix, weekLabelFix } from './writer-fix';

/**
 * From CPython 3.11 strftime/strptime (datetime.fromisoformat(day)): `%Y-W%V` (HomeIQ's label),
 * `%G-W%V` (the ISO label), strptime(`%Y-W%V` label + "-1", "%G-W%V-%u") (where the suggested
 * reader puts HomeIQ's label), strptime(`%G-W%V` label + "-1", "%G-W%V-%u") (the fix's stamp),
 * `%Y-%m` and strptime(month + "-01", "%Y-%m-%d").
 */
const CPYTHON = [
  { day: '2020-12-31', y: '2020-W53', g: '2020-W53', readY: '2020-12-28', readG: '2020-12-28', month: '2020-12', monthStart: '2020-12-01' },
  { day: '2021-01-03', y: '2021-W53', g: '2020-W53', readY: '2022-01-03', readG: '2020-12-28', month: '2021-01', monthStart: '2021-01-01' },
  { day: '2025-12-29', y: '2025-W01', g: '2026-W01', readY: '2024-12-30', readG: '2025-12-29', month: '2025-12', monthStart: '2025-12-01' },
  { day: '2026-12-31', y: '2026-W53', g: '2026-W53', readY: '2026-12-28', readG: '2026-12-28', month: '2026-12', monthStart: '2026-12-01' },
  { day: '2027-01-01', y: '2027-W53', g: '2026-W53', readY: '2028-01-03', readG: '2026-12-28', month: '2027-01', monthStart: '2027-01-01' },
] as const;

const at = (day: string, hour = 0) => Date.parse(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);
const dayOf = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString().slice(0, 10));

describe('week and month labels at the year boundaries, as CPython makes and reads them', () => {
  it.each(CPYTHON)('$day: %Y-W%V is $y, %G-W%V is $g', (row) => {
    for (const hour of [0, 23]) {
      expect(calendarWeekLabel(at(row.day, hour))).toBe(row.y);
      expect(isoWeekLabel(at(row.day, hour))).toBe(row.g);
    }
    expect(monthLabel(at(row.day))).toBe(row.month);
  });

  it.each(CPYTHON)('$day: strptime reads $y as $readY and $g as $readG', (row) => {
    expect(dayOf(parsePeriodValue(row.y)?.start)).toBe(row.readY);
    expect(dayOf(parsePeriodValue(row.g)?.start)).toBe(row.readG);
    expect(dayOf(parsePeriodValue(row.month)?.start)).toBe(row.monthStart);
  });

  it('knows which ISO years have a week 53', () => {
    expect([2020, 2021, 2025, 2026, 2027].map(isoWeeksInYear)).toEqual([53, 52, 52, 53, 52]);
  });
});

describe('week labels built with the calendar year', () => {
  it.each(CPYTHON.filter((r) => r.y !== r.g))('flags $y on a point of $day: its ISO week is $g', (row) => {
    expect(weekLabelSlip({ label: row.y, time: at(row.day, 9) })).toEqual({
      label: row.y,
      isoLabel: row.g,
      time: `${row.day}T09:00:00.000Z`,
      readAs: row.readY,
    });
  });

  it.each(CPYTHON)('passes the ISO label $g on a point of $day', (row) => {
    expect(weekLabelSlip({ label: row.g, time: at(row.day) })).toBeNull();
  });

  it('flags a week 53 its year does not have even without a matching date (a backfill), and nothing else', () => {
    expect(weekLabelSlip({ label: '2027-W53', time: at('2027-03-01') })).toEqual({ label: '2027-W53', isoLabel: null, time: null, readAs: '2028-01-03' });
    // 2025-W01 is a real ISO week: written on a day of another week it is not evidence.
    expect(weekLabelSlip({ label: '2025-W01', time: at('2026-03-01') })).toBeNull();
    expect(weekLabelSlip({ label: '2026-W53', time: at('2027-03-01') })).toBeNull();
    expect(weekLabelSlip({ label: 'general', time: at('2027-01-01') })).toBeNull();
  });

  it('reports each label once, with the dated evidence when there is some', () => {
    const slips = weekLabelSlips([
      { label: '2027-W53', time: at('2027-03-01') },
      { label: '2027-W53', time: at('2027-01-01', 8) },
      { label: '2025-W01', time: at('2025-12-29') },
      { label: '2025-W01', time: at('2025-12-30') },
      { label: '2026-W02', time: at('2026-01-05') },
    ]);
    expect(slips.map((s) => [s.label, s.time, s.isoLabel])).toEqual([
      ['2025-W01', '2025-12-29T00:00:00.000Z', '2026-W01'],
      ['2027-W53', '2027-01-01T08:00:00.000Z', '2026-W53'],
    ]);
    expect(weekLabelDetail('session_weekly', 'week', slips, 3)).toBe(
      'session_weekly: 2 of 3 "week" labels are built with the calendar year (\'%Y-W%V\'), not the ISO year (\'%G-W%V\'): "2025-W01" on a point stamped 2025-12-29, whose ISO week is 2026-W01; "2027-W53" on a point stamped 2027-01-01, whose ISO week is 2026-W53. Read back as ISO weeks they name another week, a year away (2025-W01 → 2024-12-30, 2027-W53 → 2028-01-03).',
    );
  });
});

describe('the writer change for week and month tags', () => {
  it('changes the label to the ISO year and stamps with its Monday as an aware UTC datetime', () => {
    const fix = weekLabelFix('session_weekly', 'week');
    expect(fix).toContain('session_detector.py, build the label with `.strftime("%G-W%V")` instead of `.strftime("%Y-W%V")`');
    expect(fix).toContain('`.time(datetime.strptime(week + "-1", "%G-W%V-%u").replace(tzinfo=timezone.utc), WritePrecision.NS)`');
    expect(timeTagFix('day_type_weekly', 'week', 'week')).toContain(
      'build `week` with `.strftime("%G-W%V")` (ISO year) where day_type_detector.py now uses `.strftime("%Y-W%V")`',
    );
    expect(stampFix('session_weekly', 'week', 'week')).toContain(
      '`.time(datetime.strptime(week + "-1", "%G-W%V-%u").replace(tzinfo=timezone.utc), WritePrecision.NS)`; build `week` with `.strftime("%G-W%V")`',
    );
  });

  it('stamps a month with its first day, the label left as %Y-%m', () => {
    const fix = stampFix('seasonal_monthly', 'month', 'month');
    expect(fix).toContain(
      '`.time(datetime.strptime(month + "-01", "%Y-%m-%d").replace(tzinfo=timezone.utc), WritePrecision.NS)`; `month` stays `.strftime("%Y-%m")`',
    );
    expect(fix).not.toContain('%G');
  });
});
