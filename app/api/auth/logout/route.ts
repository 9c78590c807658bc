import { CROSS_SITE, errorResponse, fromConsolePage, publicRoute } from '@/lib/auth/route-guard';
import { SESSION_COOKIE } from '@/lib/auth/session';
import { cookieValue, endSession } from '@/lib/auth/sessions';

export const dynamic = 'force-dynamic';

/** Ends the session on the server (every copy of the cookie stops working), then clears this one; only from the console's own pages. */
export const POST = publicRoute((req) => {
  if (!fromConsolePage(req)) return errorResponse(403, CROSS_SITE);
  endSession(cookieValue(req.headers.get('cookie'), SESSION_COOKIE));
  return new Response(null, { status: 303, headers: { Location: '/login', 'Set-Cookie': `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0` } });
});
