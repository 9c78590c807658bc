'use server';

import { adminAction } from '../auth/guard';
import { applyProvision } from '../use-cases/apply-provision';

export const applyPlan = adminAction((input: unknown, actor) => applyProvision(input, actor));
