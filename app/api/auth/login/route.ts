import { z } from 'zod';
import { roleForPassword } from '@/lib/auth/credentials';
import { DEVICE_COOKIE, DEVICE_TTL_S, deviceOf, issueDevice } from '@/lib/auth/device';
import { CROSS_SITE, errorResponse, fromConsolePage, publicRoute } from '@/lib/auth/route-guard';
import { SESSION_COOKIE, SESSION_TTL_MS } from '@/lib/auth/session';
import { cookieValue, startSession } from '@/lib/auth/sessions';
import { LOGIN_ACCOUNT, loginThrottle, trustedClientAddress } from '@/lib/auth/throttle';
import { requireConfig } from '@/lib/config';
import { consoleError } from '@/lib/errors';
import { resultResponse } from '@/lib/http-status';
import { fail, ok } from '@/lib/result';

export const dynamic = 'force-dynamic';

const loginSchema = z.strictObject({ password: z.string().min(1).max(1000) });

export const POST = publicRoute(async (req) => {
  if (!fromConsolePage(req)) return errorResponse(403, CROSS_SITE);
  const body = loginSchema.safeParse(await req.json().catch(() => null));
  if (!body.success) return resultResponse(fail(consoleError('invalid', 'Enter the password.', 'Type the admin or viewer password.')));
  const client = trustedClientAddress(req.headers.get('x-forwarded-for'), requireConfig().trustedProxy?.toString());
  const knownDevice = deviceOf(cookieValue(req.headers.get('cookie'), DEVICE_COOKIE));
  const attempt = await loginThrottle().attempt({ account: LOGIN_ACCOUNT, client, device: knownDevice }, () => roleForPassword(body.data.password));
  if (!attempt.ok && attempt.reason === 'busy') {
    const seconds = Math.max(1, Math.ceil(attempt.retryAfterMs / 1000));
    return errorResponse(
      429,
      consoleError(
        'busy',
        `Too many sign-in attempts at once: try again in ${seconds} s.`,
        'Wait, then sign in again. A browser that signed in before is not held up by other sign-in attempts.',
      ),
      { 'Retry-After': String(seconds) },
    );
  }
  if (!attempt.ok) {
    return resultResponse(
      fail(
        consoleError(
          'invalid',
          'Wrong password.',
          'Type the admin or viewer password again; repeated failures are slowed down. Lost the admin password? The console docs say how to reset it.',
        ),
      ),
    );
  }
  const role = attempt.value;
  const res = resultResponse(ok({ role }));
  const secure = new URL(req.url).protocol === 'https:' || req.headers.get('x-forwarded-proto') === 'https';
  const flags = `HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
  res.headers.append('Set-Cookie', `${SESSION_COOKIE}=${await startSession(role)}; Path=/; ${flags}; Max-Age=${SESSION_TTL_MS / 1000}`);
  if (!knownDevice) res.headers.append('Set-Cookie', `${DEVICE_COOKIE}=${issueDevice()}; Path=/api/auth; ${flags}; Max-Age=${DEVICE_TTL_S}`);
  return res;
});
