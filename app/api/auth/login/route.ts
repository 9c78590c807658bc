import { z } from 'zod';
import { roleForPassword, sessionSecret } from '@/lib/auth/credentials';
import { encodeSession, SESSION_COOKIE, SESSION_TTL_MS } from '@/lib/auth/session';
import { clearLoginFailures, loginDelayMs, recordLoginFailure } from '@/lib/auth/throttle';
import { consoleError } from '@/lib/errors';
import { resultResponse } from '@/lib/http-status';
import { isSameOrigin } from '@/lib/auth/same-origin';
import { fail, ok } from '@/lib/result';

export const dynamic = 'force-dynamic';

const loginSchema = z.strictObject({ password: z.string().min(1).max(1000) });

function clientAddress(req: Request): string {
  return req.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || req.headers.get('x-real-ip') || 'local';
}

export async function POST(req: Request) {
  if (!isSameOrigin(req)) return resultResponse(fail(consoleError('invalid', 'Cross-site request refused.', 'Open the console from its own address.')));
  const body = loginSchema.safeParse(await req.json().catch(() => null));
  if (!body.success) return resultResponse(fail(consoleError('invalid', 'Enter the password.', 'Type the admin or viewer password.')));
  const address = clientAddress(req);
  const wait = loginDelayMs(address);
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  const role = await roleForPassword(body.data.password);
  if (!role) {
    recordLoginFailure(address);
    return resultResponse(fail(consoleError('invalid', 'Wrong password.', 'The admin password is CONSOLE_ADMIN_PASSWORD, or the one printed in the console terminal at first start. Repeated failures are slowed down.')));
  }
  clearLoginFailures(address);
  const res = resultResponse(ok({ role }));
  const secure = new URL(req.url).protocol === 'https:' || req.headers.get('x-forwarded-proto') === 'https';
  res.headers.append(
    'Set-Cookie',
    `${SESSION_COOKIE}=${encodeSession({ role, exp: Date.now() + SESSION_TTL_MS }, sessionSecret())}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${SESSION_TTL_MS / 1000}${secure ? '; Secure' : ''}`,
  );
  return res;
}
