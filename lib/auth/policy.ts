import type { Role } from './session';

/** Who may do what: one table for every page, route handler and server action. */
export type Decision = 'allow' | 'sign-in' | 'unauthorized' | 'forbidden';

const PUBLIC = ['/login', '/api/auth/login', '/favicon.svg'];

export function isPublic(pathname: string): boolean {
  return PUBLIC.includes(pathname) || pathname.startsWith('/_next/');
}

/**
 * Every request needs a session; anything that is not a read (server actions are POSTs,
 * so are the checks' write probe and budgets) needs the admin role. Signing out is always allowed.
 */
export function decide(method: string, pathname: string, role: Role | null, serverAction = false): Decision {
  if (isPublic(pathname)) return 'allow';
  const api = pathname.startsWith('/api/');
  if (!role) return api || method !== 'GET' ? 'unauthorized' : 'sign-in';
  const read = method === 'GET' || method === 'HEAD';
  // A viewer's server action call goes on to `adminAction`, which applies this same rule
  // and answers with a typed error the screen can show (a bare 403 would break the React client).
  if (!read && role !== 'admin' && pathname !== '/api/auth/logout' && !serverAction) return 'forbidden';
  return 'allow';
}
