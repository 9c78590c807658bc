'use server';

import { adminAction } from '../auth/guard';
import { applyPlanCommand } from '../provision/provision-commands';

export const applyPlan = adminAction((input: unknown, actor) => applyPlanCommand(input, actor));
