import 'server-only';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { sessionSecret } from './credentials';

/**
 * A device cookie: a browser that signed in once carries a signed random ID, and its sign-in attempts
 * queue apart from everyone else's (throttle.ts), so a flood of wrong guesses cannot hold the real
 * admin back. It grants nothing by itself: a password is still needed.
 */
export const DEVICE_COOKIE = 'homeiq_console_device';
export const DEVICE_TTL_S = 180 * 86_400;

const sign = (id: string) => createHmac('sha256', sessionSecret()).update(`device:${id}`).digest('base64url');

export function issueDevice(): string {
  const id = randomBytes(16).toString('base64url');
  return `${id}.${sign(id)}`;
}

/** The device ID a cookie proves, or undefined when it is absent or not signed by this console. */
export function deviceOf(cookie: string | undefined): string | undefined {
  if (!cookie || cookie.length > 200) return undefined;
  const [id, signature] = cookie.split('.');
  if (!id || !signature) return undefined;
  const expected = Buffer.from(sign(id));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : undefined;
}
