'use server';

import { adminAction } from '../auth/guard';
import { createToken as run } from '../use-cases/create-token';

/** The new token's secret travels back in this one answer, for the one-time reveal. */
export const createToken = adminAction((input: unknown, actor) => run(input, actor));
