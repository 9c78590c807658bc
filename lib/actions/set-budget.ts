'use server';

import { adminAction } from '../auth/guard';
import { setBudget as run } from '../use-cases/set-budget';

export const setBudget = adminAction((input: unknown, actor) => run(input, actor));
