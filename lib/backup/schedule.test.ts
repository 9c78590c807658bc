import { describe, expect, it } from 'vitest';
import { nextDue, parseSchedule, periodMs, scheduleText, schedulerTick, toPrune, type SchedulerState } from './schedule';

const H = 3_600_000;
const DAY = 24 * H;
const T0 = Date.parse('2026-12-06T00:00:00Z');

describe('CONSOLE_BACKUP_SCHEDULE', () => {
  it('is off by default and reads daily@HH:MM and every N[m|h|d]', () => {
    expect(parseSchedule(undefined)).toEqual({ ok: true, schedule: { kind: 'off' } });
    expect(parseSchedule(' OFF ')).toEqual({ ok: true, schedule: { kind: 'off' } });
    expect(parseSchedule('daily@03:30')).toEqual({ ok: true, schedule: { kind: 'daily', minuteOfDay: 210 } });
    expect(parseSchedule('every 6h')).toEqual({ ok: true, schedule: { kind: 'every', ms: 6 * H } });
    for (const text of ['daily@03:30', 'every 6h', 'every 90m', 'every 2d']) {
      const parsed = parseSchedule(text);
      expect(parsed.ok && scheduleText(parsed.schedule), 'spelled back as configured').toBe(text);
    }
    for (const bad of ['daily@24:00', 'every 1m', 'every 40d', 'weekly', 'daily 03:30']) expect(parseSchedule(bad).ok, bad).toBe(false);
  });

  it('is due daily at its time (UTC), once after a missed slot', () => {
    const daily = { kind: 'daily' as const, minuteOfDay: 3 * 60 };
    expect(nextDue(daily, null, T0 + H)).toBe(T0 + 3 * H);
    expect(nextDue(daily, T0 + 3 * H, T0 + 4 * H)).toBe(T0 + DAY + 3 * H);
    expect(nextDue(daily, T0 + 3 * H, T0 + 5 * DAY), 'missed days: due at once, not five times').toBeLessThan(T0 + 5 * DAY);
    // A catch-up shortly before the next slot stands for it: one backup, not two ten minutes apart.
    const catchUp = T0 + 2 * H + 50 * 60_000;
    expect(nextDue(daily, T0 - 2 * DAY + 3 * H, catchUp), 'a missed slot: due at start').toBeLessThanOrEqual(catchUp);
    expect(nextDue(daily, catchUp, catchUp + 10 * 60_000), 'the slot ten minutes after a catch-up is skipped').toBe(T0 + DAY + 3 * H);
    expect(nextDue(daily, T0 + 16 * H, T0 + 17 * H), 'a catch-up in the afternoon: the next morning slot is kept').toBe(T0 + DAY + 3 * H);
    expect(nextDue(daily, T0 + 22 * H, T0 + 23 * H), 'a catch-up late at night: no second run five hours later').toBe(T0 + 2 * DAY + 3 * H);
    expect(nextDue(daily, T0 + 3 * H + 5_000, T0 + 4 * H), 'a run on time: the same slot the next day').toBe(T0 + DAY + 3 * H);
    expect(nextDue(daily, T0 + 30 * DAY, T0 + H), 'a last run dated ahead of the clock holds nothing back').toBe(T0 + DAY + 3 * H);
    expect(nextDue({ kind: 'every', ms: 6 * H }, T0 + 30 * DAY, T0 + H)).toBe(T0 + 7 * H);
    expect(periodMs(daily)).toBe(DAY);
    expect(nextDue({ kind: 'off' }, null, T0)).toBeNull();
  });
});

describe('keep-N', () => {
  it('keeps the newest N backups', () => {
    const backups = [1, 2, 3, 4, 5].map((n) => ({ id: `b${n}`, createdAt: new Date(T0 + n * H).toISOString() }));
    expect(toPrune(backups, 3).sort()).toEqual(['b1', 'b2']);
    expect(toPrune(backups, null)).toEqual([]);
    expect(toPrune(backups, 10)).toEqual([]);
  });

  it('runs every 6 h on a compressed clock and keeps the newest 3; a failing backup prunes nothing', async () => {
    let now = T0;
    const stored: { id: string; createdAt: string }[] = [];
    let failing = false;
    let made = 0;
    const deps = {
      now: () => now,
      backup: async () => {
        if (failing) return { ok: false };
        stored.push({ id: `b${++made}`, createdAt: new Date(now).toISOString() });
        return { ok: true };
      },
      list: async () => [...stored],
      remove: async (id: string) =>
        void stored.splice(
          stored.findIndex((b) => b.id === id),
          1,
        ),
    };
    let state: SchedulerState = { lastRun: null, lastFailed: false };
    // Two days in ticks of one hour: eight backups, three kept.
    for (let i = 0; i < 48; i++, now += H) state = await schedulerTick({ kind: 'every', ms: 6 * H }, 3, state, deps);
    expect(stored.map((b) => b.id)).toEqual(['b6', 'b7', 'b8']);
    failing = true;
    for (let i = 0; i < 12; i++, now += H) state = await schedulerTick({ kind: 'every', ms: 6 * H }, 3, state, deps);
    expect(state.lastFailed).toBe(true);
    expect(
      stored.map((b) => b.id),
      'nothing pruned while backups fail',
    ).toEqual(['b6', 'b7', 'b8']);
  });
});
