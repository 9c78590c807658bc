'use server';

import { z } from 'zod';
import { adminAction } from '../auth/guard';
import { consoleError } from '../errors';
import { fail } from '../result';
import { deleteToken as run, readToken } from '../use-cases/delete-token';

const inputSchema = z.strictObject({ id: z.string().max(64), confirmDescription: z.string().max(300) });

/** Deletes a token once its description was typed to confirm: the token read again here, not trusted from the page. */
export const deleteToken = adminAction(async (raw: unknown, actor) => {
  const input = inputSchema.safeParse(raw);
  if (!input.success) return fail(consoleError('invalid', 'Send the token ID and its description typed to confirm.'));
  const token = await readToken({ id: input.data.id });
  if (!token.ok) return token;
  const expected = token.data.description || token.data.id;
  if (input.data.confirmDescription !== expected) return fail({ ...consoleError('invalid', `Type ${expected} to confirm the delete.`), fields: { confirmDescription: `Type ${expected} exactly.` } });
  return run({ id: input.data.id }, actor);
});
