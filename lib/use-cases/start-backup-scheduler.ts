import 'server-only';
import type { ConsoleConfig } from '../config';
import { errorText, log } from '../log';
import { CLI_ACTOR } from '../auth/actor';
import { backupScheduler } from './shared/backup-scheduler';
import { drillBackup } from './shared/drill-backup';

const KEY = Symbol.for('homeiq-influx-console.backup-scheduler');
const TICK_MS = 60_000;

/**
 * Scheduled backups (CONSOLE_BACKUP_SCHEDULE, off by default), then the keep-N prune
 * (CONSOLE_BACKUP_KEEP), the restore drill on each when CONSOLE_BACKUP_DRILL=on, once per process, with the configuration the server's instrumentation hook parsed.
 */
export function startBackupScheduler(config: ConsoleConfig): void {
  const g = globalThis as Record<symbol, unknown>;
  if (g[KEY] || config.backupSchedule.kind === 'off') return;
  const { backupSchedule: schedule, backupKeep: keep, backupDir: root, backupDrill } = config;
  const scheduler = backupScheduler({ schedule, keep, root, drill: backupDrill ? (id) => drillBackup(id, CLI_ACTOR) : undefined });
  const timer = setInterval(() => void scheduler.tick().catch((e: unknown) => log.error('backup: scheduler tick failed', { error: errorText(e) })), TICK_MS);
  timer.unref();
  g[KEY] = timer;
  log.info('backup: scheduler started', { schedule, keep, root, drill: backupDrill });
}
