import 'server-only';
import { readPlan } from '../provision/apply';
import type { Plan } from '../provision/plan';
import type { Result } from '../result';
import { withConnection } from './context';

/** The plan that brings the configured organization to the spec: nothing is changed. */
export function planProvision(opts: { tokens?: boolean } = {}): Promise<Result<Plan>> {
  return withConnection(({ spec, conn }) => readPlan(spec, conn, opts));
}
