import 'server-only';
import { CLI_ACTOR } from '../../auth/actor';
import { schedulerTick, type BackupSchedule, type SchedulerState } from '../../backup/schedule';
import { recordRun } from '../../backup/scheduled-run';
import { listStored, removeStored } from '../../backup/store';
import { errorText, log } from '../../log';
import { recordedBackup } from './backup-first';
import type { Result } from '../../result';
import type { Verification } from './drill-backup';

export interface BackupSchedulerOptions {
  schedule: BackupSchedule;
  keep: number | null;
  root: string;
  /** The restore drill run on each backup right after it (CONSOLE_BACKUP_DRILL=on: drillBackup): a failed drill is a failed run. */
  drill?: (id: string) => Promise<Result<Verification>>;
  /** The clock (tests compress it): when backups are due, and the time each is named after. */
  now?: () => number;
}

/**
 * The scheduler's tick, for whoever drives it (a timer in the console, a compressed clock in the
 * tests): a backup of every bucket when one is due, recorded in STATUS_FILE, then the keep-N prune.
 * The last run starts as the newest backup's time, so a restarted console does not back up again at once.
 */
export function backupScheduler(opts: BackupSchedulerOptions): { tick(): Promise<SchedulerState> } {
  const { schedule, keep, root } = opts;
  const now = opts.now ?? Date.now;
  let state: SchedulerState | null = null;
  const deps = {
    now,
    backup: async () => {
      const at = new Date(now());
      const result = await recordedBackup({}, CLI_ACTOR, at);
      if (result.ok) log.info('backup: scheduled backup complete', { id: result.data.id, bytes: result.data.bytes });
      else log.error('backup: scheduled backup failed', { error: result.error.message });
      let run = result.ok
        ? { at: at.toISOString(), ok: true, id: result.data.id, message: '' }
        : { at: at.toISOString(), ok: false, id: null, message: `${result.error.message}${result.error.fix ? ` Fix: ${result.error.fix}` : ''}` };
      if (result.ok && opts.drill) {
        const { id } = result.data;
        const drilled = await opts.drill(id);
        const failed = !drilled.ok
          ? `the restore drill could not run: ${drilled.error.message}${drilled.error.fix ? ` Fix: ${drilled.error.fix}` : ''}`
          : drilled.data.ok
            ? null
            : `its restore drill failed: ${drilled.data.detail}.`;
        if (failed) {
          log.error('backup: the restore drill of a scheduled backup failed', { id, detail: failed });
          run = {
            ...run,
            ok: false,
            message: `Backup ${id} was taken, but ${failed} Run \`backup verify ${id}\` to see it again; restore from a backup whose drill passed (\`backup list\`).`,
          };
        } else log.info('backup: scheduled backup verified by its restore drill', { id });
      }
      await recordRun(root, run).catch((e: unknown) => log.error('backup: recording the scheduled run failed', { root, error: errorText(e) }));
      return { ok: run.ok };
    },
    list: async () => (await listStored(root)).map((b) => ({ id: b.id, createdAt: b.createdAt })),
    remove: async (id: string) => {
      await removeStored(root, id);
      log.info('backup: removed by the keep rule', { id, keep });
    },
  };
  return {
    async tick() {
      state ??= { lastRun: (await deps.list()).map((b) => Date.parse(b.createdAt)).sort((a, b) => b - a)[0] ?? null, lastFailed: false };
      state = await schedulerTick(schedule, keep, state, deps);
      return state;
    },
  };
}
