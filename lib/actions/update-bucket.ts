'use server';

import { adminAction } from '../auth/guard';
import { splitProgress } from '../progress/registry';
import { updateBucket as run } from '../use-cases/update-bucket';

export const updateBucket = adminAction((raw: unknown, actor) => {
  const { input, onProgress } = splitProgress(raw);
  return run(input, actor, onProgress);
});
