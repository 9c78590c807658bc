import 'server-only';
import { createHash, randomBytes, scrypt } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from '../data-dir';
import { openDb } from '../db';
import { ADMIN_HASH_FILE, sessionSecret } from './credentials';
import { decodeSession, encodeSession, SESSION_TTL_MS, type Role, type Session } from './session';
import { requireConfig } from '../config';

/**
 * Server-side sessions: the signed cookie carries a random session id; the row in console.db
 * decides whether it still counts. Sign-out revokes the row (every copy of the cookie with it),
 * and a session issued under another password (changed env password, new hash file) no longer counts.
 */

const fingerprints = new Map<string, Promise<string>>();

/** A slow, salted digest of an environment password: enough to notice a change, useless to guess it from. */
function slowDigest(role: Role, password: string): Promise<string> {
  const key = `${role}\u0000${password}`;
  let fp = fingerprints.get(key);
  if (!fp) {
    const salt = createHash('sha256').update(`homeiq-console-session:${role}:${sessionSecret()}`).digest();
    fp = new Promise((resolve, reject) =>
      scrypt(password, salt, 16, { N: 16384, r: 8, p: 1 }, (err, out) => (err ? reject(err) : resolve(out.toString('base64url')))),
    );
    fingerprints.set(key, fp);
  }
  return fp;
}

/** Which password a role signs in with right now, as a fingerprint; null when the role has none. */
export async function passwordFingerprint(role: Role): Promise<string | null> {
  if (role === 'admin') {
    const env = requireConfig().adminPassword;
    if (env) return `env:${await slowDigest('admin', env)}`;
    const path = join(dataDir(), ADMIN_HASH_FILE);
    // The stored scrypt hash changes whenever the password does (its salt is new each time).
    return existsSync(path) ? `file:${createHash('sha256').update(readFileSync(path, 'utf8').trim()).digest('base64url')}` : null;
  }
  const viewer = requireConfig().viewerPassword;
  return viewer ? `env:${await slowDigest('viewer', viewer)}` : null;
}

/** Live sessions kept per role: a new sign-in past this ends the oldest (a flood of sign-ins cannot grow console.db). */
export const MAX_SESSIONS_PER_ROLE = 20;

/** Starts a session for a role that just proved its password; returns the cookie value. */
export async function startSession(role: Role, now: number = Date.now()): Promise<string> {
  const fp = await passwordFingerprint(role);
  if (!fp) throw new Error(`No password is configured for the ${role} role.`);
  const sid = randomBytes(24).toString('base64url');
  const db = openDb();
  db.prepare('DELETE FROM sessions WHERE expires_at < ?').run(now - 86_400_000);
  db.prepare('INSERT INTO sessions (id, role, created_at, expires_at, password_fp) VALUES (?, ?, ?, ?, ?)').run(sid, role, now, now + SESSION_TTL_MS, fp);
  db.prepare(
    `UPDATE sessions SET revoked_at = ? WHERE role = ? AND revoked_at IS NULL AND id NOT IN
       (SELECT id FROM sessions WHERE role = ? AND revoked_at IS NULL AND expires_at >= ? ORDER BY created_at DESC, rowid DESC LIMIT ?)`,
  ).run(now, role, role, now, MAX_SESSIONS_PER_ROLE);
  return encodeSession({ role, exp: now + SESSION_TTL_MS, sid }, sessionSecret());
}

interface SessionRow {
  role: string;
  expires_at: number;
  password_fp: string;
  revoked_at: number | null;
}

/** The session a cookie stands for, if its signature holds and the server still counts it. */
export async function checkSession(cookie: string | undefined, now: number = Date.now()): Promise<Session | null> {
  const session = decodeSession(cookie, sessionSecret(), now);
  if (!session?.sid) return null;
  const row = openDb().prepare('SELECT role, expires_at, password_fp, revoked_at FROM sessions WHERE id = ?').get(session.sid) as SessionRow | undefined;
  if (!row || row.revoked_at !== null || row.expires_at < now || row.role !== session.role) return null;
  if (row.password_fp !== (await passwordFingerprint(session.role))) return null;
  return session;
}

/** Ends the session a cookie stands for (if its signature holds), for every copy of that cookie. */
export function endSession(cookie: string | undefined, now: number = Date.now()): void {
  const session = decodeSession(cookie, sessionSecret(), now);
  if (session?.sid) openDb().prepare('UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now, session.sid);
}

/** The session cookie's value in a raw `Cookie` header (route handlers get a plain Request in tests). */
export function cookieValue(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
