'use server';

import { adminAction } from '../auth/guard';
import { restoreBackup as run } from '../use-cases/restore-backup';

/** "Restore…" on the Backups screen: one bucket of a backup as a new bucket, counted and compared with the backup. */
export const restoreBackup = adminAction((input: unknown, actor) => run(input, actor));
