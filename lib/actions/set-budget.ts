'use server';

import { setBudgetCommand } from '../storage/storage-commands';

export async function setBudget(input: unknown) {
  return setBudgetCommand(input);
}
