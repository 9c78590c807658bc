'use server';

import { adminAction } from '../auth/guard';
import { createBackup as run } from '../use-cases/create-backup';

/** "Back up now": every bucket of the organization, into the configured backup folder. */
export const createBackup = adminAction((_input: void, actor) => run({}, actor));
