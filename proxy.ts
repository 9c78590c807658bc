import { NextResponse, type NextRequest } from 'next/server';
import { ALLOWED_METHODS, decide } from './lib/auth/policy';
import { fromConsolePage, SIGNED_OUT } from './lib/auth/route-guard';
import { safeNext } from './lib/model/safe-next';
import { SESSION_COOKIE } from './lib/auth/session';
import { checkSession } from './lib/auth/sessions';
import { badRequest, checkActionBody, checkContentLength, FOREIGN_ORIGIN, malformedPath, methodNotAllowed, type Refusal } from './lib/http/request-checks';
import { noteActivity } from './lib/http/activity';
import { REQUEST_ID_HEADER, requestIdFor } from './lib/http/request-id';
import { securityHeaders } from './lib/http/security-headers';
import { log } from './lib/log';

/**
 * The shared gate: every request passes here first. It refuses malformed requests with a 4xx,
 * authenticates (signature and the server-side session), and adds the security headers. The role
 * is checked by the route handler (`guardRoute`) or the server action (`adminAction`) itself.
 */
export async function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  // Every request gets an ID: in the response, in each log line it causes, in each error shown.
  const requestId = requestIdFor(request.headers.get(REQUEST_ID_HEADER));
  const headers = { ...securityHeaders(nonce, process.env.NODE_ENV === 'development'), 'X-Request-Id': requestId };
  const refuse = (r: Refusal) => {
    log[r.status === 403 ? 'warn' : 'info']('request refused', {
      requestId,
      method: request.method,
      path: request.nextUrl.pathname,
      status: r.status,
      code: r.error.code,
    });
    return withHeaders(
      Response.json({ ok: false, error: { ...r.error, requestId } }, { status: r.status, headers: { 'Cache-Control': 'no-store', ...r.headers } }),
      headers,
    );
  };

  const { pathname, search } = request.nextUrl;
  log[pathname.startsWith('/_next/') ? 'debug' : 'info']('request', { requestId, method: request.method, path: pathname });
  // A path that is not valid percent-encoded UTF-8 names no page: refused here, with the headers and an ID, not a 500 from the router.
  if (!decodable(pathname)) return refuse(malformedPath());
  const serverAction = request.headers.has('next-action');
  const session = await checkSession(request.cookies.get(SESSION_COOKIE)?.value);
  switch (decide(request.method, pathname, session?.role ?? null, serverAction)) {
    case 'method-not-allowed':
      return refuse(methodNotAllowed(request.method, pathname.startsWith('/api/') ? ALLOWED_METHODS : ['GET', 'HEAD']));
    case 'not-an-action':
      return refuse(badRequest('Server actions are called on pages, not on /api/ routes.'));
    case 'sign-in': {
      const url = new URL('/login', request.url);
      url.searchParams.set('next', safeNext(`${pathname}${search}`, request.nextUrl.origin));
      return withHeaders(NextResponse.redirect(url), headers);
    }
    case 'unauthorized':
      return withHeaders(Response.json({ ok: false, error: { ...SIGNED_OUT, requestId } }, { status: 401 }), headers);
    case 'allow':
      break;
  }
  if (session) noteActivity(request.method, pathname);
  if (request.method === 'POST') {
    const refusal = checkContentLength(request.headers.get('content-length')) ?? (serverAction ? await checkServerAction(request) : null);
    if (refusal) return refuse(refusal);
  }
  const forwarded = new Headers(request.headers);
  forwarded.set('x-nonce', nonce);
  forwarded.set(REQUEST_ID_HEADER, requestId);
  forwarded.set('Content-Security-Policy', headers['Content-Security-Policy']);
  return withHeaders(NextResponse.next({ request: { headers: forwarded } }), headers);
}

/** A server action call: from the console's own origin, with a body React could have sent. */
async function checkServerAction(request: NextRequest): Promise<Refusal | null> {
  if (!fromConsolePage(request)) return FOREIGN_ORIGIN;
  const text = await request
    .clone()
    .text()
    .catch(() => null);
  return text === null ? badRequest('The request body could not be read.') : checkActionBody(request.headers.get('content-type'), text);
}

function decodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

function withHeaders<R extends Response>(res: R, headers: Record<string, string>): R {
  for (const [name, value] of Object.entries(headers)) res.headers.set(name, value);
  return res;
}

export const config = {
  // Everything, static files included: each response gets the security headers, each method is checked.
  matcher: ['/:path*'],
};
