'use server';

import { applyPlanCommand } from '../provision/provision-commands';

export async function applyPlan(input: unknown) {
  return applyPlanCommand(input);
}
