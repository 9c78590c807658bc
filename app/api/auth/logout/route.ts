import { publicRoute } from '@/lib/auth/route-guard';
import { SESSION_COOKIE } from '@/lib/auth/session';
import { cookieValue, endSession } from '@/lib/auth/sessions';

export const dynamic = 'force-dynamic';

/** Ends the session on the server (every copy of the cookie stops working), then clears this one. */
export const POST = publicRoute((req) => {
  endSession(cookieValue(req.headers.get('cookie'), SESSION_COOKIE));
  return new Response(null, { status: 303, headers: { Location: '/login', 'Set-Cookie': `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0` } });
});
