'use server';

import { adminAction } from '../auth/guard';
import { deleteBucket as run } from '../use-cases/delete-bucket';

export const deleteBucket = adminAction((input: unknown, actor) => run(input, actor));
