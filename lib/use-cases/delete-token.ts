import 'server-only';
import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { deleteAuthorization, getAuthorization } from '../influx/authorizations';
import type { TokenInfo } from '../model/token';
import { fail, type Result } from '../result';
import { forgetConsoleTokenStatus } from '../tokens/console-token';
import { outcome, recordChange, withInflux } from './context';
import { invalidInput } from './shared/invalid-input';
import { orgToken, tokenIdSchema, tokenSummary } from './shared/token-of-org';

const deleteTokenInputSchema = z.strictObject({ id: tokenIdSchema });

/** The token a delete would remove (what `tokens delete ID` without --yes shows). */
export async function readToken(raw: unknown): Promise<Result<TokenInfo>> {
  const input = deleteTokenInputSchema.safeParse(raw);
  if (!input.success) return fail(invalidInput(input.error));
  return withInflux(async ({ influx }) => orgToken(await getAuthorization(input.data.id, influx.conn), influx.org.id));
}

/** Deletes a token of the configured organization: every service using it is refused from then on. */
export async function deleteToken(raw: unknown, actor: Actor): Promise<Result<TokenInfo>> {
  const input = deleteTokenInputSchema.safeParse(raw);
  if (!input.success) return fail(invalidInput(input.error));
  const result = await withInflux(async ({ influx }) => {
    const token = orgToken(await getAuthorization(input.data.id, influx.conn), influx.org.id);
    await deleteAuthorization(token.id, influx.conn);
    return token;
  });
  forgetConsoleTokenStatus();
  recordChange(actor, outcome(result, { action: 'token.delete', bucket: null, before: result.ok ? tokenSummary(result.data) : { id: input.data.id }, after: () => null }), { changed: false });
  return result;
}
