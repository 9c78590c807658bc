import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

import type { Role } from '../model/role';

export type { Role };

export interface Session {
  role: Role;
  /** Expiry, unix ms. */
  exp: number;
  /** The server-side session this cookie stands for (`sessions` in console.db): sign-out revokes it. */
  sid?: string;
}

export const SESSION_COOKIE = 'homeiq_console_session';
export const SESSION_TTL_MS = 12 * 3_600_000;

function sign(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

/** `payload.signature`: the role and expiry, signed with the console's secret. */
export function encodeSession(session: Session, secret: string): string {
  const payload = Buffer.from(JSON.stringify({ ...session, n: randomBytes(6).toString('base64url') })).toString('base64url');
  return `${payload}.${sign(payload, secret)}`;
}

export function decodeSession(value: string | undefined, secret: string, now: number = Date.now()): Session | null {
  if (!value || value.length > 1000) return null;
  const [payload, signature] = value.split('.');
  if (!payload || !signature) return null;
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<Session>;
    if ((parsed.role !== 'admin' && parsed.role !== 'viewer') || typeof parsed.exp !== 'number' || parsed.exp < now) return null;
    return typeof parsed.sid === 'string' ? { role: parsed.role, exp: parsed.exp, sid: parsed.sid } : { role: parsed.role, exp: parsed.exp };
  } catch {
    return null;
  }
}
