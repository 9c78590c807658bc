'use server';

import { adminAction } from '../auth/guard';
import { setTokenStatus as run } from '../use-cases/set-token-status';

export const setTokenStatus = adminAction((input: unknown, actor) => run(input, actor));
