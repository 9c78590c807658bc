'use server';

import { adminAction } from '../auth/guard';
import { verifyBackup as run } from '../use-cases/verify-backup';

/** "Verify" on the Backups screen: the restore drill, its result recorded on the backup. */
export const verifyBackup = adminAction((input: unknown, actor) => run(input, actor));
