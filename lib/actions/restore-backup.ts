'use server';

import { adminAction } from '../auth/guard';
import { splitProgress } from '../progress/registry';
import { restoreBackup as run } from '../use-cases/restore-backup';

/** "Restore…" on the Backups screen: one bucket of a backup as a new bucket, counted and compared with the backup; `progressId` reports its steps. */
export const restoreBackup = adminAction((raw: unknown, actor) => {
  const { input, onProgress } = splitProgress(raw);
  return run(input, actor, onProgress);
});
