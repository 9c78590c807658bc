'use server';

import { adminAction } from '../auth/guard';
import { createBucket as run } from '../use-cases/create-bucket';

export const createBucket = adminAction((input: unknown, actor) => run(input, actor));
