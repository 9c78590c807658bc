import 'server-only';
import { CLI_ACTOR } from '../auth/actor';
import { schedulerTick, type SchedulerState } from '../backup/schedule';
import { listStored, removeStored } from '../backup/store';
import { config } from '../config';
import { errorText, log } from '../log';
import { recordedBackup } from './shared/backup-first';

const KEY = Symbol.for('homeiq-influx-console.backup-scheduler');
const TICK_MS = 60_000;

/**
 * Scheduled backups (CONSOLE_BACKUP_SCHEDULE, off by default) of every bucket of the organization,
 * then the keep-N prune (CONSOLE_BACKUP_KEEP). The last run is the newest backup's time, so a
 * restarted console does not back up again at once.
 */
export function startBackupScheduler(): void {
  const g = globalThis as Record<symbol, unknown>;
  if (g[KEY]) return;
  const c = config();
  if (!c.ok || c.data.backupSchedule.kind === 'off') return;
  const { backupSchedule: schedule, backupKeep: keep, backupDir: root } = c.data;
  let state: SchedulerState | null = null;
  const deps = {
    now: () => Date.now(),
    backup: async () => {
      const result = await recordedBackup({}, CLI_ACTOR);
      if (result.ok) log.info('backup: scheduled backup complete', { id: result.data.id, bytes: result.data.bytes });
      else log.error('backup: scheduled backup failed', { error: result.error.message });
      return { ok: result.ok };
    },
    list: async () => (await listStored(root)).map((b) => ({ id: b.manifest.id, createdAt: b.manifest.createdAt })),
    remove: async (id: string) => {
      await removeStored(root, id);
      log.info('backup: removed by the keep rule', { id, keep });
    },
  };
  const tick = async () => {
    state ??= { lastRun: (await deps.list()).map((b) => Date.parse(b.createdAt)).sort((a, b) => b - a)[0] ?? null, lastFailed: false };
    state = await schedulerTick(schedule, keep, state, deps);
  };
  const timer = setInterval(() => void tick().catch((e: unknown) => log.error('backup: scheduler tick failed', { error: errorText(e) })), TICK_MS);
  timer.unref();
  g[KEY] = timer;
  log.info('backup: scheduler started', { schedule, keep, root });
}
