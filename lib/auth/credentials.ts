import 'server-only';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { requireConfig } from '../config';
import { dataDir } from '../data-dir';
import { generatePassword, hashPassword, verifyPassword } from './passwords';
import type { Role } from './session';

export const ADMIN_HASH_FILE = 'admin-password.scrypt';
const SECRET_FILE = 'session-secret';

function writePrivate(path: string, text: string): void {
  writeFileSync(path, text, { mode: 0o600 });
  chmodSync(path, 0o600);
}

/** The key that signs session cookies: CONSOLE_SESSION_SECRET, else a random one kept in the data folder. */
export function sessionSecret(): string {
  const fromEnv = requireConfig().sessionSecret;
  if (fromEnv) return fromEnv;
  const path = join(dataDir(), SECRET_FILE);
  if (!existsSync(path)) writePrivate(path, randomBytes(32).toString('base64url'));
  return readFileSync(path, 'utf8').trim();
}

/**
 * Makes sure an admin password exists. Without CONSOLE_ADMIN_PASSWORD the console generates
 * one at first start, keeps only its scrypt hash, and returns it to be printed once.
 */
export async function ensureAdminPassword(): Promise<string | null> {
  if (requireConfig().adminPassword) return null;
  const path = join(dataDir(), ADMIN_HASH_FILE);
  if (existsSync(path)) return null;
  const password = generatePassword();
  writePrivate(path, await hashPassword(password));
  return password;
}

/** The role a password signs in as, or null. Compares in constant time (scrypt hashes). */
export async function roleForPassword(password: string): Promise<Role | null> {
  if (!password || password.length > 1000) return null;
  const admin = requireConfig().adminPassword;
  if (admin) {
    if (await verifyPassword(password, await hashCached('admin', admin))) return 'admin';
  } else {
    await ensureAdminPassword();
    const stored = readFileSync(join(dataDir(), ADMIN_HASH_FILE), 'utf8');
    if (await verifyPassword(password, stored)) return 'admin';
  }
  const viewer = requireConfig().viewerPassword;
  if (viewer && (await verifyPassword(password, await hashCached('viewer', viewer)))) return 'viewer';
  return null;
}

const hashes = new Map<string, Promise<string>>();
function hashCached(key: string, password: string): Promise<string> {
  const k = `${key}\u0000${password}`;
  let h = hashes.get(k);
  if (!h) {
    h = hashPassword(password);
    hashes.set(k, h);
  }
  return h;
}
