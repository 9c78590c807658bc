import { z } from 'zod';
import { roleForPassword } from '@/lib/auth/credentials';
import { publicRoute } from '@/lib/auth/route-guard';
import { SESSION_COOKIE, SESSION_TTL_MS } from '@/lib/auth/session';
import { startSession } from '@/lib/auth/sessions';
import { LOGIN_ACCOUNT, loginThrottle, trustedClientAddress } from '@/lib/auth/throttle';
import { requireConfig } from '@/lib/config';
import { consoleError } from '@/lib/errors';
import { crossSite } from '@/lib/messages';
import { resultResponse } from '@/lib/http-status';
import { isSameOrigin } from '@/lib/auth/same-origin';
import { fail, ok } from '@/lib/result';

export const dynamic = 'force-dynamic';

const loginSchema = z.strictObject({ password: z.string().min(1).max(1000) });

export const POST = publicRoute(async (req) => {
  if (!isSameOrigin(req)) return resultResponse(fail(crossSite()));
  const body = loginSchema.safeParse(await req.json().catch(() => null));
  if (!body.success) return resultResponse(fail(consoleError('invalid', 'Enter the password.', 'Type the admin or viewer password.')));
  const client = trustedClientAddress(req.headers.get('x-forwarded-for'), requireConfig().trustedProxy?.toString());
  const role = await loginThrottle().attempt({ account: LOGIN_ACCOUNT, client }, () => roleForPassword(body.data.password));
  if (!role) {
    return resultResponse(fail(consoleError('invalid', 'Wrong password.', 'The admin password is CONSOLE_ADMIN_PASSWORD, or the one printed in the console terminal at first start. Repeated failures are slowed down.')));
  }
  const res = resultResponse(ok({ role }));
  const secure = new URL(req.url).protocol === 'https:' || req.headers.get('x-forwarded-proto') === 'https';
  res.headers.append('Set-Cookie', `${SESSION_COOKIE}=${await startSession(role)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${SESSION_TTL_MS / 1000}${secure ? '; Secure' : ''}`);
  return res;
});
