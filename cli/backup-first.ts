import { backupSentence, type BackupRef } from '../lib/model/backup-first';

/**
 * The `backup` key a destructive command's --json gains, only when one was taken: with --no-backup
 * (or nothing to change) the output is exactly what it was before backups.
 */
export function backupJson(backup: BackupRef | null | undefined): { backup?: { id: string; dir: string; restore: string } } {
  return backup ? { backup: { id: backup.id, dir: backup.dir, restore: backup.restore } } : {};
}

/** The backup a destructive command took first, and how to restore it, on its own line. */
export function printBackup(backup: BackupRef | null): void {
  if (backup) process.stdout.write(`${backupSentence(backup)}\n`);
}
