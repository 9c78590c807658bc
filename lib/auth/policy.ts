import type { Role } from './session';

/** What a route handler or server action does: reads, or changes something. Declared where it is defined. */
export type Operation = 'read' | 'change';

/** The one rule for roles: anyone signed in reads; only the admin changes. */
export type Authorization = 'allow' | 'unauthorized' | 'forbidden';

export function authorize(role: Role | null, operation: Operation): Authorization {
  if (!role) return 'unauthorized';
  if (operation === 'change' && role !== 'admin') return 'forbidden';
  return 'allow';
}

/**
 * What the proxy decides before anything runs: which requests may reach the console at all.
 * It authenticates and checks the shape of the request; the role is checked by each route
 * handler (`guardRoute`) and server action (`adminAction`), which know what they do.
 */
export type Decision = 'allow' | 'sign-in' | 'unauthorized' | 'method-not-allowed' | 'not-an-action';

const STATIC = ['/favicon.svg'];
const PUBLIC_PAGES = ['/login'];
/** Route handlers anyone may call: signing in, and signing out (which only ends the caller's own session). */
const PUBLIC_ROUTES = ['/api/auth/login', '/api/auth/logout'];
/** Read-only route handlers anyone may call: the health endpoint of a container healthcheck. */
const PUBLIC_READS = ['/api/health', '/health'];
export const ALLOWED_METHODS = ['GET', 'HEAD', 'POST'] as const;

function isRead(method: string): boolean {
  return method === 'GET' || method === 'HEAD';
}

export function decide(method: string, pathname: string, role: Role | null, serverAction = false): Decision {
  if (!(ALLOWED_METHODS as readonly string[]).includes(method)) return 'method-not-allowed';
  const api = pathname.startsWith('/api/');
  // Server actions live on pages; on a route handler the header means nothing but a disguise.
  if (api && serverAction) return 'not-an-action';
  if (STATIC.includes(pathname) || pathname.startsWith('/_next/')) return isRead(method) ? 'allow' : 'method-not-allowed';
  if (PUBLIC_ROUTES.includes(pathname)) return 'allow';
  if (PUBLIC_READS.includes(pathname)) return isRead(method) ? 'allow' : 'method-not-allowed';
  if (PUBLIC_PAGES.includes(pathname)) return isRead(method) ? 'allow' : 'method-not-allowed';
  if (!role) return api || !isRead(method) ? 'unauthorized' : 'sign-in';
  if (api) return 'allow';
  // A page takes GETs, and POSTs only as server action calls (whose guard answers a viewer with a typed error).
  if (!isRead(method) && !serverAction) return 'method-not-allowed';
  return 'allow';
}
