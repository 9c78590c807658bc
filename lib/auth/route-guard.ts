import 'server-only';
import { consoleError, type ConsoleError } from '../influx/errors';
import { isSameOrigin } from '../influx/same-origin';
import type { Actor } from './actor';
import { authorize, type Operation } from './policy';
import { SESSION_COOKIE, type Session } from './session';
import { checkSession, cookieValue } from './sessions';

export interface RouteContext {
  session: Session;
  actor: Actor;
}

type Handler = (req: Request, ctx: RouteContext) => Promise<Response> | Response;

/** A refusal as the proxy and the actions word it: a typed error in JSON. */
export function errorResponse(status: number, error: ConsoleError, headers: Record<string, string> = {}): Response {
  return Response.json({ ok: false, error }, { status, headers: { 'Cache-Control': 'no-store', ...headers } });
}

export const SIGNED_OUT = consoleError('signed_out', 'Sign in to the console first.', 'Open /login and sign in.');
export const READ_ONLY = consoleError('read_only', 'The viewer role can browse everything and change nothing.', 'Sign in as admin to make changes.');
export const CROSS_SITE = consoleError('forbidden', 'Cross-site request refused.', 'Open the console from its own address.');

/**
 * Every route handler says what it does: `guardRoute('read', …)` for any signed-in role,
 * `guardRoute('change', …)` for the admin only (and only from the console's own pages).
 * The decision is made here, for this handler, whatever headers the request carries.
 */
export function guardRoute(operation: Operation, handler: Handler): (req: Request) => Promise<Response> {
  return async (req: Request) => {
    const session = await checkSession(cookieValue(req.headers.get('cookie'), SESSION_COOKIE));
    switch (authorize(session?.role ?? null, operation)) {
      case 'unauthorized':
        return errorResponse(401, SIGNED_OUT);
      case 'forbidden':
        return errorResponse(403, READ_ONLY);
      case 'allow':
        break;
    }
    if (!session) return errorResponse(401, SIGNED_OUT);
    if (operation === 'change' && !isSameOrigin(req)) return errorResponse(403, CROSS_SITE);
    return handler(req, { session, actor: { role: session.role } });
  };
}

/** A route anyone may call (signing in and out): said out loud, so no handler is unguarded by accident. */
export function publicRoute(handler: (req: Request) => Promise<Response> | Response): (req: Request) => Promise<Response> {
  return async (req: Request) => handler(req);
}
