'use server';

import { adminAction } from '../auth/guard';
import { splitProgress } from '../progress/registry';
import { verifyBackup as run } from '../use-cases/verify-backup';

/** "Verify" on the Backups screen: the restore drill, its result recorded on the backup; `progressId` reports its steps. */
export const verifyBackup = adminAction((raw: unknown, actor) => {
  const { input, onProgress } = splitProgress(raw);
  return run(input, actor, onProgress);
});
