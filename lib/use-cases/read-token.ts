import 'server-only';
import { z } from 'zod';
import { getAuthorization } from '../influx/authorizations';
import type { TokenInfo } from '../model/token';
import { fail, type Result } from '../result';
import { withInflux } from './context';
import { invalidInput } from './shared/invalid-input';
import { orgToken, tokenIdSchema } from './shared/token-of-org';

const readTokenInputSchema = z.strictObject({ id: tokenIdSchema });

/** The token a delete would remove (what `tokens delete ID` without --yes shows). */
export async function readToken(raw: unknown): Promise<Result<TokenInfo>> {
  const input = readTokenInputSchema.safeParse(raw);
  if (!input.success) return fail(invalidInput(input.error));
  return withInflux(async ({ influx }) => orgToken(await getAuthorization(input.data.id, influx.conn), influx.org.id));
}
