import 'server-only';
import type { Actor } from '../auth/actor';
import { applyTokens, type TokenStepResult } from '../provision/apply';
import { grantWords } from '../provision/token-plan';
import type { Result } from '../result';
import { forgetConsoleTokenStatus } from '../tokens/console-token';
import { recordChange, withInflux } from './context';

/**
 * Creates the spec's missing tokens (the token steps of Provision), never deleting or changing one.
 * Each new secret is in the result this once; the audit rows have IDs, descriptions and permissions.
 */
export async function provisionTokens(actor: Actor): Promise<Result<TokenStepResult[]>> {
  const result = await withInflux(({ spec, influx }) =>
    applyTokens(spec, influx.org.id, {
      onTokenStep: (step) =>
        recordChange(
          actor,
          {
            action: 'provision.token.create',
            bucket: null,
            before: null,
            after: step.status === 'done' ? { id: step.tokenID, description: step.description, can: grantWords(step.grants) } : null,
            result: step.status === 'done' ? 'ok' : step.status === 'skipped' ? 'skipped' : 'failed',
            message: step.message,
          },
          { changed: false },
        ),
    }, influx.conn),
  );
  forgetConsoleTokenStatus();
  return result;
}
