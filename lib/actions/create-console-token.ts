'use server';

import { adminAction } from '../auth/guard';
import { createConsoleToken as run } from '../use-cases/create-console-token';

/** The scoped console token: its secret travels back in this one answer, for the one-time reveal. */
export const createConsoleToken = adminAction((_input: undefined, actor) => run(actor));
