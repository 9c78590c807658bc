import 'server-only';
import { cookies } from 'next/headers';
import { consoleError } from '../errors';
import { fail, type Result } from '../result';
import { sessionSecret } from './credentials';
import { decodeSession, SESSION_COOKIE, type Session } from './session';

export type { Actor } from './actor';
import type { Actor } from './actor';

export function sessionFromCookie(value: string | undefined): Session | null {
  return decodeSession(value, sessionSecret());
}

export async function currentSession(): Promise<Session | null> {
  return sessionFromCookie((await cookies()).get(SESSION_COOKIE)?.value);
}

/**
 * The one guard for server actions that change something: a session with the admin role,
 * else a typed refusal. (The proxy applies the same policy to every request first.)
 */
export function adminAction<I, T>(fn: (input: I, actor: Actor) => Promise<Result<T>>): (input: I) => Promise<Result<T>> {
  return async (input: I) => {
    const session = await currentSession();
    if (!session) return fail(consoleError('signed_out', 'You are signed out.'));
    if (session.role !== 'admin') return fail(consoleError('read_only', 'The viewer role cannot change anything.'));
    return fn(input, { role: session.role });
  };
}
