import 'server-only';
import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { consoleError, ConsoleFailure } from '../errors';
import { deleteAuthorization, getAuthorization } from '../influx/authorizations';
import type { TokenInfo } from '../model/token';
import { fail, type Result } from '../result';
import { forgetConsoleTokenStatus } from '../tokens/console-token';
import { outcome, recordChange, withInflux } from './context';
import { invalidInput } from './shared/invalid-input';
import { orgToken, refuseOwnToken, tokenIdSchema, tokenSummary } from './shared/token-of-org';

const deleteTokenInputSchema = z.strictObject({
  id: tokenIdSchema,
  /** The token's description (its ID when it has none) typed by the person deleting it; the CLI's --yes confirms instead. */
  confirmDescription: z.string().max(300).optional(),
});

/**
 * Deletes a token of the configured organization, once its description was typed to confirm (or
 * `confirmed`: the CLI's --yes): every service using it is refused from then on. The token is read
 * again here, not trusted from the page; a refused confirmation changes nothing and is not audited.
 */
export async function deleteToken(raw: unknown, actor: Actor, opts: { confirmed?: boolean } = {}): Promise<Result<TokenInfo>> {
  const input = deleteTokenInputSchema.safeParse(raw);
  if (!input.success) return fail(invalidInput(input.error));
  let unconfirmed = false;
  const result = await withInflux(async ({ influx }) => {
    const token = orgToken(await getAuthorization(input.data.id, influx.conn), influx.org.id);
    const expected = token.description || token.id;
    if (!opts.confirmed && input.data.confirmDescription !== expected) {
      unconfirmed = true;
      throw new ConsoleFailure({
        ...consoleError('invalid', `Type ${expected} to confirm the delete.`),
        fields: { confirmDescription: `Type ${expected} exactly.` },
      });
    }
    await refuseOwnToken(token, 'delete', influx.conn);
    await deleteAuthorization(token.id, influx.conn);
    return token;
  });
  if (unconfirmed) return result;
  forgetConsoleTokenStatus();
  recordChange(
    actor,
    outcome(result, { action: 'token.delete', bucket: null, before: result.ok ? tokenSummary(result.data) : { id: input.data.id }, after: () => null }),
    { changed: false },
  );
  return result;
}
