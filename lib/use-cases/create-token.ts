import 'server-only';
import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { ConsoleFailure } from '../errors';
import { createAuthorization, type NewToken } from '../influx/authorizations';
import { bucketMissing } from '../messages';
import { specSlug } from '../model/console-permissions';
import { roleAction, TOKEN_ROLES } from '../model/token';
import { fail, type Result } from '../result';
import { forgetConsoleTokenStatus } from '../tokens/console-token';
import { outcome, recordChange, withInflux } from './context';
import { invalidInput } from './shared/invalid-input';
import { tokenSummary } from './shared/token-of-org';

export const createTokenInputSchema = z.strictObject({
  role: z.enum(TOKEN_ROLES),
  description: z
    .string()
    .trim()
    .max(255)
    .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), 'must not contain control characters')
    .optional(),
});

/**
 * Creates a writer (write on every spec bucket) or a reader (read on every spec bucket). The
 * secret is in the result this once; the audit row has the token's ID and description only.
 */
export async function createToken(raw: unknown, actor: Actor): Promise<Result<NewToken>> {
  const input = createTokenInputSchema.safeParse(raw);
  if (!input.success) return fail(invalidInput(input.error));
  let description = input.data.description ?? '';
  const result = await withInflux(async ({ spec, influx }) => {
    description ||= `${specSlug(spec.name)}-${input.data.role}`;
    const grants = [];
    for (const b of spec.buckets) {
      const bucket = await influx.bucket(b.name);
      if (!bucket) throw new ConsoleFailure(bucketMissing(b.name));
      grants.push({ action: roleAction(input.data.role), bucketID: bucket.id });
    }
    return createAuthorization(influx.org.id, description, grants, influx.conn);
  });
  forgetConsoleTokenStatus();
  recordChange(actor, outcome(result, { action: 'token.create', bucket: null, before: null, after: (created) => tokenSummary(created.token) }), {
    changed: false,
  });
  return result;
}
