import 'server-only';
import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { getAuthorization, setAuthorizationStatus } from '../influx/authorizations';
import type { TokenInfo } from '../model/token';
import { fail, type Result } from '../result';
import { forgetConsoleTokenStatus } from '../tokens/console-token';
import { outcome, recordChange, withInflux } from './context';
import { invalidInput } from './shared/invalid-input';
import { orgToken, refuseOwnToken, tokenIdSchema, tokenSummary } from './shared/token-of-org';

export const setTokenStatusInputSchema = z.strictObject({ id: tokenIdSchema, status: z.enum(['active', 'inactive']) });

/** Activates or deactivates a token of the configured organization. */
export async function setTokenStatus(raw: unknown, actor: Actor): Promise<Result<TokenInfo>> {
  const input = setTokenStatusInputSchema.safeParse(raw);
  if (!input.success) return fail(invalidInput(input.error));
  let before: TokenInfo | undefined;
  const result = await withInflux(async ({ influx }) => {
    before = orgToken(await getAuthorization(input.data.id, influx.conn), influx.org.id);
    if (input.data.status === 'inactive') await refuseOwnToken(before, 'deactivate', influx.conn);
    return setAuthorizationStatus(before.id, input.data.status, influx.conn);
  });
  const action = input.data.status === 'active' ? 'token.activate' : 'token.deactivate';
  forgetConsoleTokenStatus();
  recordChange(actor, outcome(result, { action, bucket: null, before: before ? tokenSummary(before) : { id: input.data.id }, after: tokenSummary }), {
    changed: false,
  });
  return result;
}
