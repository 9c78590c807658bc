'use server';

import { adminAction } from '../auth/guard';
import { setBudgetCommand } from '../storage/storage-commands';

export const setBudget = adminAction(async (input: unknown, actor) => setBudgetCommand(input, actor));
