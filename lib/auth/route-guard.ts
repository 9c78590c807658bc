import 'server-only';
import { config } from '../config';
import type { ConsoleError } from '../errors';
import { REQUEST_ID_HEADER, requestIdFor } from '../http/request-id';
import { log, withRequestId } from '../log';
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

/** Whether a request comes from the console's own pages (same-origin.ts), behind a proxy the console trusts when one is configured. */
export function fromConsolePage(req: Request): boolean {
  const c = config();
  return isSameOrigin(req, c.ok && c.data.trustedProxy !== null);
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
  return traced(async (req: Request) => {
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
    if (operation === 'change' && !fromConsolePage(req)) return errorResponse(403, CROSS_SITE);
    return handler(req, { session, actor: { role: session.role } });
  });
}

/** A route anyone may call (signing in and out): said out loud, so no handler is unguarded by accident. */
export function publicRoute(handler: (req: Request) => Promise<Response> | Response): (req: Request) => Promise<Response> {
  return traced(async (req: Request) => handler(req));
}

/**
 * Runs a handler under its request's ID (set by the proxy): every line it logs carries it, and
 * so does any typed error it answers with, which the screens show.
 */
function traced(handler: (req: Request) => Promise<Response>): (req: Request) => Promise<Response> {
  return async (req: Request) => {
    const requestId = requestIdFor(req.headers.get(REQUEST_ID_HEADER));
    return withRequestId(requestId, async () => {
      const res = await handler(req);
      if (res.status < 400 || !res.headers.get('content-type')?.includes('application/json')) return res;
      const body = (await res
        .clone()
        .json()
        .catch(() => null)) as { ok?: boolean; error?: ConsoleError } | null;
      if (!body || body.ok !== false || !body.error) return res;
      log[res.status >= 500 ? 'error' : res.status === 403 || res.status === 429 ? 'warn' : 'info']('request answered with an error', {
        status: res.status,
        code: body.error.code,
        error: body.error.message,
        path: new URL(req.url).pathname,
      });
      const headers = new Headers(res.headers);
      headers.delete('content-length');
      return new Response(JSON.stringify({ ...body, error: { ...body.error, requestId } }), { status: res.status, headers });
    });
  };
}
