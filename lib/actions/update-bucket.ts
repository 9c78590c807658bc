'use server';

import { adminAction } from '../auth/guard';
import { updateBucket as run } from '../use-cases/update-bucket';

export const updateBucket = adminAction((input: unknown, actor) => run(input, actor));
