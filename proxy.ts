import { NextResponse, type NextRequest } from 'next/server';
import { sessionSecret } from './lib/auth/credentials';
import { decide } from './lib/auth/policy';
import { decodeSession, SESSION_COOKIE } from './lib/auth/session';

/** The shared guard: every page, route handler and server action passes here first. */
export function proxy(request: NextRequest) {
  const session = decodeSession(request.cookies.get(SESSION_COOKIE)?.value, sessionSecret());
  const decision = decide(request.method, request.nextUrl.pathname, session?.role ?? null, request.headers.has('next-action'));
  switch (decision) {
    case 'allow':
      return NextResponse.next();
    case 'sign-in': {
      const url = new URL('/login', request.url);
      url.searchParams.set('next', request.nextUrl.pathname);
      return NextResponse.redirect(url);
    }
    case 'unauthorized':
      return Response.json({ ok: false, error: { code: 'signed_out', message: 'Sign in to the console first.', fix: 'Open /login and sign in.' } }, { status: 401 });
    case 'forbidden':
      return Response.json({ ok: false, error: { code: 'read_only', message: 'The viewer role can browse everything and change nothing.', fix: 'Sign in as admin to make changes.' } }, { status: 403 });
  }
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.svg).*)'],
};
