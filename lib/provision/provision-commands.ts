import 'server-only';
import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { attempt } from '../influx/attempt';
import { connection } from '../influx/client';
import { consoleError } from '../influx/errors';
import { fail, type Result } from '../result';
import { activeSpec } from '../spec/load';
import { provision, readPlan, type ApplyResult } from './apply';
import type { Plan } from './plan';

export const applyPlanInputSchema = z.strictObject({
  /** Names of buckets whose destructive step the user confirmed by typing the name. */
  confirm: z.array(z.string().max(300)).max(100).default([]),
});

export async function readPlanCommand(): Promise<Result<Plan>> {
  const spec = activeSpec();
  if (!spec.ok) return fail(spec.error);
  return attempt(() => readPlan(spec.data, connection()));
}

/** Re-reads the state, plans and applies: a plan shown earlier is never applied blindly. */
export async function applyPlanCommand(raw: unknown, actor: Actor): Promise<Result<ApplyResult>> {
  const input = applyPlanInputSchema.safeParse(raw ?? {});
  if (!input.success) return fail(consoleError('invalid', 'The confirmation list is malformed.'));
  const spec = activeSpec();
  if (!spec.ok) return fail(spec.error);
  return attempt(() => provision(spec.data, { confirm: input.data.confirm, actor }, connection()));
}
