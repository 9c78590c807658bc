import type { Crossing } from '../storage/projection';
import type { CheckResult } from '../verify/types';
import { formatNumber } from '../model/format';
import { plural } from '../model/plural';

/**
 * What can be wrong, as alert conditions: each has a stable key (one incident per key while it
 * lasts), the kind it belongs to, and the message a person reads. Each kind is evaluated from its
 * own source, so a source that was not read leaves the other kinds' incidents alone.
 */
export type AlertKind = 'budget' | 'verify' | 'unreachable' | 'detector' | 'backup';

export interface Condition {
  key: string;
  kind: AlertKind;
  title: string;
  message: string;
}

/** Budgets crossed within `withinDays` (30 by default), or already crossed. */
export function budgetConditions(buckets: readonly { name: string; crossings: readonly Crossing[] }[], withinDays = 30): Condition[] {
  return buckets.flatMap((b) =>
    b.crossings
      .filter((c) => c.date !== null && c.withinDays !== null && c.withinDays <= withinDays)
      .map((c) => {
        const what = c.kind === 'bytes' ? `${formatNumber(c.budget)} bytes on disk` : `${plural(c.budget, 'record')}`;
        const when = c.date === 'now' ? 'is already over it' : `will cross it on ${c.date} (in ${Math.max(0, Math.round(c.withinDays ?? 0))} days)`;
        return {
          key: `budget:${b.name}:${c.kind}`,
          kind: 'budget' as const,
          title: `Budget of ${b.name} will be crossed`,
          message: `${b.name} has a budget of ${what} and ${when}. Raise the budget on the Storage screen, or shorten what is kept.`,
        };
      }),
  );
}

/**
 * Checks that passed (or warned) in the previous run and fail in this one. A check that keeps
 * failing stays one incident; one that passes again resolves it.
 */
export function verifyConditions(previous: readonly CheckResult[] | null, current: readonly CheckResult[], openKeys: ReadonlySet<string>): Condition[] {
  const before = new Map((previous ?? []).map((c) => [c.id, c.status]));
  return current
    .filter((c) => c.status === 'fail' && (openKeys.has(`verify:${c.id}`) || before.get(c.id) === 'pass' || before.get(c.id) === 'warn'))
    .map((c) => ({
      key: `verify:${c.id}`,
      kind: 'verify' as const,
      title: `Verification failed: ${c.title}`,
      message: `${c.title}: ${c.detail} Fix: ${c.fix}`,
    }));
}

/** A detector down past its grace (lib/insights/gate.ts): one incident per bucket, measurement and kind. */
export function detectorConditions(down: readonly { bucket: string; kind: 'never-written' | 'silent'; measurement: string; detail: string }[]): Condition[] {
  return down.map((d) => ({
    key: `detector:${d.bucket}:${d.measurement}:${d.kind}`,
    kind: 'detector' as const,
    title: d.kind === 'never-written' ? `Detector never wrote ${d.measurement}` : `Detector went silent: ${d.measurement}`,
    message: `${d.bucket}: ${d.detail} Check the detector's service log (HomeIQ's writer catches and logs its errors, then goes on).`,
  }));
}

/** InfluxDB unreachable for longer than `minutes`. */
export function unreachableConditions(since: number | null, now: number, minutes: number, reason: string | null): Condition[] {
  if (since === null || now - since < minutes * 60_000) return [];
  const down = Math.round((now - since) / 60_000);
  return [
    {
      key: 'unreachable:influxdb',
      kind: 'unreachable',
      title: 'InfluxDB unreachable',
      message: `The console has not reached InfluxDB for ${down} minutes${reason ? ` (${reason})` : ''}. Check that InfluxDB runs and INFLUXDB_URL is right.`,
    },
  ];
}

/** A duration as a person reads it: 26 hours, 3 days, 45 minutes. */
function span(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 120) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.round(minutes / 60);
  if (hours < 72) return `${hours} hours`;
  return `${Math.round(hours / 24)} days`;
}

export interface BackupHealth {
  /** The schedule's period (CONSOLE_BACKUP_SCHEDULE); null when it is off: no condition then. */
  periodMs: number | null;
  /** The schedule as configured, quoted in the message. */
  schedule: string;
  /** When the newest good backup (complete, its drill not failed) was made; null: none. */
  newestGoodAt: number | null;
  /** The last scheduled run (null before the first). */
  lastScheduled: { at: number; ok: boolean; message: string } | null;
  /** Where backups go (CONSOLE_BACKUP_DIR), for the fix. */
  dir: string;
}

/**
 * Scheduled backups going wrong: the last scheduled backup failed, or the newest good backup is
 * older than twice the schedule (backups silently stopped, or every recent one failed its drill).
 */
export function backupConditions(h: BackupHealth, now: number): Condition[] {
  if (h.periodMs === null) return [];
  const out: Condition[] = [];
  if (h.lastScheduled && !h.lastScheduled.ok) {
    out.push({
      key: 'backup:scheduled-failed',
      kind: 'backup',
      title: 'Scheduled backup failed',
      message: `The scheduled backup of ${new Date(h.lastScheduled.at).toISOString()} failed: ${h.lastScheduled.message} Fix the cause, then run \`backup create\` (or "Back up now" on the Backups screen) so a good backup exists; the schedule (${h.schedule}) tries again at its next run.`,
    });
  }
  const age = h.newestGoodAt === null ? null : now - h.newestGoodAt;
  if (age !== null && age > 2 * h.periodMs) {
    out.push({
      key: 'backup:stale',
      kind: 'backup',
      title: 'Newest good backup is too old',
      message: `The newest good backup is ${span(age)} old, more than twice the schedule (${h.schedule}). Check the console's log for "backup: scheduled backup failed" and that CONSOLE_BACKUP_SCHEDULE is set as meant; free space in ${h.dir} if it is full; then run \`backup create\` (or "Back up now") and \`backup verify ID\` on it.`,
    });
  }
  return out;
}

export interface OpenIncident {
  id: number;
  key: string;
  kind: AlertKind;
}

/** What changes: conditions without an open incident open one; open incidents of the evaluated kinds whose condition is gone resolve. */
export function reconcile<I extends OpenIncident>(
  open: readonly I[],
  active: readonly Condition[],
  evaluated: readonly AlertKind[],
): { opened: Condition[]; resolved: I[] } {
  const openKeys = new Set(open.map((i) => i.key));
  const activeKeys = new Set(active.map((c) => c.key));
  return {
    opened: active.filter((c) => !openKeys.has(c.key)),
    resolved: open.filter((i) => evaluated.includes(i.kind) && !activeKeys.has(i.key)),
  };
}
