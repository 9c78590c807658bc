import 'server-only';
import type { Actor } from '../auth/actor';
import { applyTokens, type TokenStepResult } from '../provision/apply';
import type { Result } from '../result';
import { forgetConsoleTokenStatus } from '../tokens/console-token';
import { withInflux } from './context';
import { recordTokenStep } from './shared/token-step-audit';

/**
 * Creates the spec's missing tokens (the token steps of Provision), never deleting or changing one.
 * Each new secret is in the result this once; the audit rows have IDs, descriptions and permissions.
 */
export async function provisionTokens(actor: Actor): Promise<Result<TokenStepResult[]>> {
  const result = await withInflux(({ spec, influx }) => applyTokens(spec, influx.org.id, { onTokenStep: (step) => recordTokenStep(actor, step) }, influx.conn));
  forgetConsoleTokenStatus();
  return result;
}
