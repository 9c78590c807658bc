/**
 * When scheduled backups run, and which backups the keep-N rule removes: pure functions of the
 * schedule, the backups listed and the clock, so a compressed clock can test them.
 */

/** CONSOLE_BACKUP_SCHEDULE: `off` (the default), `daily@HH:MM` (UTC), or `every 6h` / `every 30m`. */
export type BackupSchedule = { kind: 'off' } | { kind: 'daily'; minuteOfDay: number } | { kind: 'every'; ms: number };

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** The schedule a variable describes, or the reason it is not one (quoted in the configuration error). */
export function parseSchedule(text: string | undefined): { ok: true; schedule: BackupSchedule } | { ok: false; message: string } {
  const v = (text ?? '').trim().toLowerCase();
  if (v === '' || v === 'off') return { ok: true, schedule: { kind: 'off' } };
  const daily = /^daily@([01]\d|2[0-3]):([0-5]\d)$/.exec(v);
  if (daily) return { ok: true, schedule: { kind: 'daily', minuteOfDay: Number(daily[1]) * 60 + Number(daily[2]) } };
  const every = /^every\s+(\d+)\s*([mhd])$/.exec(v);
  if (every) {
    const ms = Number(every[1]) * (every[2] === 'm' ? MINUTE : every[2] === 'h' ? 60 * MINUTE : DAY);
    if (ms >= 15 * MINUTE && ms <= 31 * DAY) return { ok: true, schedule: { kind: 'every', ms } };
  }
  return { ok: false, message: `CONSOLE_BACKUP_SCHEDULE must be off, daily@HH:MM (UTC) or "every N[m|h|d]" between 15m and 31d, not "${v.slice(0, 40)}"` };
}

/** The schedule as CONSOLE_BACKUP_SCHEDULE spells it. */
export function scheduleText(schedule: BackupSchedule): string {
  if (schedule.kind === 'off') return 'off';
  if (schedule.kind === 'daily')
    return `daily@${String(Math.floor(schedule.minuteOfDay / 60)).padStart(2, '0')}:${String(schedule.minuteOfDay % 60).padStart(2, '0')}`;
  const ms = schedule.ms;
  return ms % DAY === 0 ? `every ${ms / DAY}d` : ms % (60 * MINUTE) === 0 ? `every ${ms / (60 * MINUTE)}h` : `every ${ms / MINUTE}m`;
}

/** The schedule's period: what "the newest good backup is older than twice the schedule" measures by. */
export function periodMs(schedule: BackupSchedule): number | null {
  return schedule.kind === 'off' ? null : schedule.kind === 'daily' ? DAY : schedule.ms;
}

/** When the next scheduled backup is due, after the last one started at `last` (null: never). */
export function nextDue(schedule: BackupSchedule, lastRun: number | null, now: number): number | null {
  if (schedule.kind === 'off') return null;
  // A last run dated after now (a clock set back, a backup folder from a machine ahead) counts as now: it never holds the schedule back.
  const last = lastRun === null ? null : Math.min(lastRun, now);
  if (schedule.kind === 'every') return last === null ? now : last + schedule.ms;
  // Daily: never run, the next slot. Else the first slot at least six hours after the last run: a
  // slot missed while the console was down runs once, at start, and stands for the slot that follows
  // it too when that one is near (a catch-up at 02:50 does not run again at 03:00); the longest gap
  // between two runs is 30 hours, short of the alert's two days.
  if (last === null) return slotAfter(schedule.minuteOfDay, now);
  return slotAfter(schedule.minuteOfDay, last + CATCH_UP_GAP_MS - 1);
}

/** A daily slot this soon after the last run is skipped: that run stands for it. */
const CATCH_UP_GAP_MS = 6 * 60 * MINUTE;

/** The first daily slot (minute of the UTC day) strictly after `t`. */
function slotAfter(minuteOfDay: number, t: number): number {
  const slot = Math.floor(t / DAY) * DAY + minuteOfDay * MINUTE;
  return slot <= t ? slot + DAY : slot;
}

/** The IDs the keep-N rule removes: all but the newest `keep` backups (by creation time). */
export function toPrune(backups: readonly { id: string; createdAt: string }[], keep: number | null): string[] {
  if (keep === null) return [];
  const newestFirst = [...backups].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
  return newestFirst.slice(Math.max(keep, 1)).map((b) => b.id);
}

export interface SchedulerDeps {
  now(): number;
  backup(): Promise<{ ok: boolean }>;
  list(): Promise<{ id: string; createdAt: string }[]>;
  remove(id: string): Promise<void>;
}

export interface SchedulerState {
  lastRun: number | null;
  lastFailed: boolean;
}

/**
 * One tick of the scheduler: a backup when one is due, then the keep-N prune (only after a
 * backup that succeeded: a failing schedule never deletes the backups it could not replace).
 */
export async function schedulerTick(schedule: BackupSchedule, keep: number | null, state: SchedulerState, deps: SchedulerDeps): Promise<SchedulerState> {
  const now = deps.now();
  const due = nextDue(schedule, state.lastRun, now);
  if (due === null || due > now) return state;
  const done = await deps.backup();
  if (done.ok) for (const id of toPrune(await deps.list(), keep)) await deps.remove(id);
  return { lastRun: now, lastFailed: !done.ok };
}
