'use server';

import { adminAction } from '../auth/guard';
import { splitProgress } from '../progress/registry';
import { applyProvision } from '../use-cases/apply-provision';

/** "Provision": the plan's steps, each destructive one confirmed by name; `progressId` reports the backups taken first. */
export const applyPlan = adminAction((raw: unknown, actor) => {
  const { input, onProgress } = splitProgress(raw);
  return applyProvision(input, actor, { onProgress });
});
