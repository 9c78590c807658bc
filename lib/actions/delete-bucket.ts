'use server';

import { adminAction } from '../auth/guard';
import { splitProgress } from '../progress/registry';
import { deleteBucket as run } from '../use-cases/delete-bucket';

export const deleteBucket = adminAction((raw: unknown, actor) => {
  const { input, onProgress } = splitProgress(raw);
  return run(input, actor, onProgress);
});
