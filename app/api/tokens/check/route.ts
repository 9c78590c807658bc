import { z } from 'zod';
import { DIAGNOSE_LIMIT, DIAGNOSE_WINDOW_MS, RateLimit } from '@/lib/auth/rate-limit';
import { CROSS_SITE, errorResponse, fromConsolePage, guardRoute } from '@/lib/auth/route-guard';
import { consoleError } from '@/lib/errors';
import { resultResponse } from '@/lib/http-status';
import { processCache } from '@/lib/process-cache';
import { checkToken } from '@/lib/use-cases/check-token';

export const dynamic = 'force-dynamic';

const limits = processCache('diagnose-limit', () => {
  const limit = new RateLimit(DIAGNOSE_LIMIT, DIAGNOSE_WINDOW_MS);
  return Object.assign(limit, { clear: () => {} });
});

const bodySchema = z.strictObject({ token: z.string().max(4096) });

/**
 * Diagnoses a pasted token for anyone signed in (viewers too): the token is in this request's body
 * only, never logged, kept, audited or answered back. Rate-limited per session.
 */
export const POST = guardRoute('read', async (req, { session }) => {
  if (!fromConsolePage(req)) return errorResponse(403, CROSS_SITE);
  const allowed = limits.take(session.sid ?? session.role);
  if (!allowed.ok) {
    const seconds = Math.ceil(allowed.retryAfterMs / 1000);
    return errorResponse(429, consoleError('busy', `Too many diagnoses: ${DIAGNOSE_LIMIT} a minute per session.`, `Wait ${seconds} s and try again.`), {
      'Retry-After': String(seconds),
    });
  }
  const body = bodySchema.safeParse(await req.json().catch(() => null));
  if (!body.success) return errorResponse(400, consoleError('invalid', 'Send {"token": "…"}: the token to diagnose.'));
  return resultResponse(await checkToken(body.data.token));
});
