import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords';
import { decodeSession, encodeSession } from './session';

describe('sessions', () => {
  it('round-trips a signed session and refuses tampering, other secrets and expiry', () => {
    const now = 1_000_000;
    const value = encodeSession({ role: 'viewer', exp: now + 1000 }, 'secret');
    expect(decodeSession(value, 'secret', now)).toEqual({ role: 'viewer', exp: now + 1000 });
    expect(decodeSession(value, 'other', now)).toBeNull();
    expect(decodeSession(value, 'secret', now + 2000)).toBeNull();
    const [payload, sig] = value.split('.');
    const forged = Buffer.from(JSON.stringify({ role: 'admin', exp: now + 1000 })).toString('base64url');
    expect(decodeSession(`${forged}.${sig}`, 'secret', now)).toBeNull();
    expect(decodeSession(`${payload}.`, 'secret', now)).toBeNull();
    expect(decodeSession(undefined, 'secret', now)).toBeNull();
  });
});

describe('passwords', () => {
  it('stores scrypt hashes, never the password, and verifies them', async () => {
    const stored = await hashPassword('correct horse');
    expect(stored.startsWith('scrypt$')).toBe(true);
    expect(stored).not.toContain('correct horse');
    expect(await verifyPassword('correct horse', stored)).toBe(true);
    expect(await verifyPassword('correct hors', stored)).toBe(false);
    expect(await verifyPassword('x', 'garbage')).toBe(false);
  });
});
