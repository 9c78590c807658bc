'use server';

import { adminAction } from '../auth/guard';
import { previewDataDelete as run } from '../use-cases/preview-data-delete';

/** Admin only: the preview belongs to a delete, and it reads every point it would remove. */
export const previewDataDelete = adminAction((input: unknown) => run(input));
