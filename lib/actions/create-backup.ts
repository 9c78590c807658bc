'use server';

import { adminAction } from '../auth/guard';
import { splitProgress } from '../progress/registry';
import { createBackup as run } from '../use-cases/create-backup';

/** "Back up now": every bucket of the organization, into the configured backup folder; `{progressId}` reports its steps (GET /api/progress/<id>). */
export const createBackup = adminAction((input: unknown, actor) => run({}, actor, undefined, splitProgress(input).onProgress));
