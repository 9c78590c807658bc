import 'server-only';
import { cookies } from 'next/headers';
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

/**
 * The one guard for server actions that change something: a session with the admin role,
 * else a typed refusal the screen shows (a bare 403 would break the React client).
 */
export function adminAction<I, T>(fn: (input: I, actor: Actor) => Promise<Result<T>>): (input: I) => Promise<Result<T>> {
  return async (input: I) => {
    const session = await currentSession();
    const decision = authorize(session?.role ?? null, 'change');
    if (!session || decision === 'unauthorized') return fail(signedOut());
    if (decision === 'forbidden') return fail(readOnly());
    return fn(input, { role: session.role });
  };
}
