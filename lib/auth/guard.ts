import 'server-only';
import { cookies, headers } from 'next/headers';
import { REQUEST_ID_HEADER, requestIdFor } from '../http/request-id';
import { log, withRequestId } from '../log';
import { readOnly, signedOut } from '../messages';
import { fail, type Result } from '../result';
import { authorize } from './policy';
import { SESSION_COOKIE, type Session } from './session';
import { checkSession } from './sessions';

export type { Actor } from './actor';
import type { Actor } from './actor';

/** The session of the request being served (signature, expiry and the server-side row all checked). */
export async function currentSession(): Promise<Session | null> {
  return checkSession((await cookies()).get(SESSION_COOKIE)?.value);
}

/** The ID the proxy gave this request; none outside a request (a test calling the action directly). */
async function incomingRequestId(): Promise<string | null> {
  try {
    return (await headers()).get(REQUEST_ID_HEADER);
  } catch {
    return null;
  }
}

/**
 * The one guard for server actions that change something: a session with the admin role,
 * else a typed refusal the screen shows (a bare 403 would break the React client).
 */
export function adminAction<I, T>(fn: (input: I, actor: Actor) => Promise<Result<T>>): (input: I) => Promise<Result<T>> {
  return async (input: I) => {
    const requestId = requestIdFor(await incomingRequestId());
    return withRequestId(requestId, async () => {
      const session = await currentSession();
      const decision = authorize(session?.role ?? null, 'change');
      const result: Result<T> =
        !session || decision === 'unauthorized' ? fail(signedOut()) : decision === 'forbidden' ? fail(readOnly()) : await fn(input, { role: session.role });
      if (result.ok) return result;
      log.info('action answered with an error', { code: result.error.code, error: result.error.message });
      return fail({ ...result.error, requestId });
    });
  };
}
