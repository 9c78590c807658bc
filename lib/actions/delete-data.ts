'use server';

import { adminAction } from '../auth/guard';
import { splitProgress } from '../progress/registry';
import { deleteData as run } from '../use-cases/delete-data';

export const deleteData = adminAction((raw: unknown, actor) => {
  const { input, onProgress } = splitProgress(raw);
  return run(input, actor, onProgress);
});
