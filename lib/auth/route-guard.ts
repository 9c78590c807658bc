import 'server-only';
import type { ConsoleError } from '../errors';
import { crossSite, readOnly, signedOut } from '../messages';
import { isSameOrigin } from './same-origin';
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

export const SIGNED_OUT = signedOut();
export const READ_ONLY = readOnly();
export const CROSS_SITE = crossSite();

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
