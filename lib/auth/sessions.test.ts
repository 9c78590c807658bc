import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, openDb } from '../db';
import { dataDir } from '../data-dir';
import { checkSession, cookieValue, endSession, MAX_SESSIONS_PER_ROLE, startSession } from './sessions';
import { decodeSession, encodeSession } from './session';

const saved = { ...process.env };
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'console-sessions-'));
  process.env.CONSOLE_DATA_DIR = join(dir, 'data');
  process.env.CONSOLE_SESSION_SECRET = 'unit-test-secret';
  process.env.CONSOLE_ADMIN_PASSWORD = 'admin-one';
  process.env.CONSOLE_VIEWER_PASSWORD = 'viewer-one';
});
afterAll(() => {
  closeDb(join(dir, 'data', 'console.db'));
  process.env = saved;
  rmSync(dir, { recursive: true, force: true });
});

describe('server-side sessions', () => {
  it('counts a session until it is ended, for every copy of its cookie', async () => {
    const cookie = await startSession('viewer');
    const copy = `${cookie}`;
    expect((await checkSession(cookie))?.role).toBe('viewer');
    expect((await checkSession(copy))?.role).toBe('viewer');
    const other = await startSession('viewer');
    endSession(cookie);
    expect(await checkSession(copy)).toBeNull();
    // Only that session: another sign-in of the same role goes on.
    expect((await checkSession(other))?.role).toBe('viewer');
  });

  it('keeps at most MAX_SESSIONS_PER_ROLE live sessions per role, ending the oldest, and leaves the other role alone', async () => {
    const admin = await startSession('admin', Date.now());
    const cookies: string[] = [];
    for (let i = 0; i < MAX_SESSIONS_PER_ROLE + 5; i++) cookies.push(await startSession('viewer', Date.now() + i));
    const live = await Promise.all(cookies.map((c) => checkSession(c, Date.now() + 100)));
    expect(live.filter((x) => x !== null)).toHaveLength(MAX_SESSIONS_PER_ROLE);
    expect(
      live.slice(0, 5).every((x) => x === null),
      'the oldest five ended',
    ).toBe(true);
    expect(live.at(-1)?.role).toBe('viewer');
    expect((await checkSession(admin))?.role).toBe('admin');
  });

  it('refuses a correctly signed cookie the server never issued, or one for another role', async () => {
    const forged = encodeSession({ role: 'admin', exp: Date.now() + 60_000, sid: 'made-up' }, 'unit-test-secret');
    expect(await checkSession(forged)).toBeNull();
    const viewer = decodeSession(await startSession('viewer'), 'unit-test-secret');
    const promoted = encodeSession({ role: 'admin', exp: Date.now() + 60_000, sid: viewer?.sid }, 'unit-test-secret');
    expect(await checkSession(promoted)).toBeNull();
    expect(await checkSession(encodeSession({ role: 'admin', exp: Date.now() + 60_000 }, 'unit-test-secret'))).toBeNull();
  });

  it('ends every session of a role when its password changes (environment or hash file)', async () => {
    const admin = await startSession('admin');
    expect((await checkSession(admin))?.role).toBe('admin');
    process.env.CONSOLE_ADMIN_PASSWORD = 'admin-two';
    expect(await checkSession(admin)).toBeNull();
    process.env.CONSOLE_ADMIN_PASSWORD = 'admin-one';
    expect((await checkSession(admin))?.role).toBe('admin');

    delete process.env.CONSOLE_ADMIN_PASSWORD;
    writeFileSync(join(dataDir(), 'admin-password.scrypt'), 'scrypt$16384$8$1$c2FsdA$aGFzaA', { mode: 0o600 });
    const fromFile = await startSession('admin');
    expect((await checkSession(fromFile))?.role).toBe('admin');
    writeFileSync(join(dataDir(), 'admin-password.scrypt'), 'scrypt$16384$8$1$bmV3$bmV3aGFzaA', { mode: 0o600 });
    expect(await checkSession(fromFile)).toBeNull();
    process.env.CONSOLE_ADMIN_PASSWORD = 'admin-one';
  });

  it('expires with its cookie', async () => {
    const now = Date.now();
    const cookie = await startSession('viewer', now);
    expect(await checkSession(cookie, now + 13 * 3_600_000)).toBeNull();
  });

  it('reads the session cookie out of a Cookie header', () => {
    expect(cookieValue('a=1; homeiq_console_session=abc.def; b=2', 'homeiq_console_session')).toBe('abc.def');
    expect(cookieValue('xhomeiq_console_session=abc', 'homeiq_console_session')).toBeUndefined();
    expect(cookieValue(null, 'homeiq_console_session')).toBeUndefined();
  });

  it("keeps the console's files private: folder 700, console.db and its WAL files 600", () => {
    openDb().prepare('SELECT count(*) FROM sessions').get();
    expect(statSync(dataDir()).mode & 0o777).toBe(0o700);
    for (const file of ['console.db', 'console.db-wal', 'console.db-shm']) expect(statSync(join(dataDir(), file)).mode & 0o777, file).toBe(0o600);
  });
});
