import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureAdminPassword } from '@/lib/auth/credentials';
import { SESSION_COOKIE } from '@/lib/auth/session';
import { startSession } from '@/lib/auth/sessions';
import { openDb } from '@/lib/db';
import { listTokens } from '@/lib/use-cases/list-tokens';
import { captureCli } from '../support/cli';
import { rawApi, resetBuckets } from '../support/reset';
import { recordSecret } from '../support/secret-ledger';

/** The session cookie the next action call carries (server actions read it with next/headers). */
let cookie: string | undefined;
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: (name: string) => (name === SESSION_COOKIE && cookie ? { name, value: cookie } : undefined) }),
  headers: async () => new Headers(),
}));

const { setTokenStatus } = await import('@/lib/actions/set-token-status');
const { deleteToken } = await import('@/lib/actions/delete-token');
const { provisionTokens } = await import('@/lib/actions/provision-tokens');
const { createConsoleToken } = await import('@/lib/actions/create-console-token');
const { POST: checkRoute } = await import('@/app/api/tokens/check/route');

const OPERATOR = process.env.INFLUXDB_TOKEN ?? '';

async function clearTokens() {
  const res = (await (await rawApi('/api/v2/authorizations')).json()) as { authorizations: { id: string; token: string }[] };
  for (const a of res.authorizations) if (a.token !== OPERATOR) await rawApi(`/api/v2/authorizations/${a.id}`, { method: 'DELETE' });
}

const diagnose = (sessionCookie: string, token: string) =>
  checkRoute(
    new Request('http://console.test/api/tokens/check', {
      method: 'POST',
      headers: { cookie: `${SESSION_COOKIE}=${sessionCookie}`, 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    }),
  );

describe('the Tokens and Provision screens: their actions and the diagnosis route, against a real influxd', () => {
  process.env.CONSOLE_VIEWER_PASSWORD ??= 'integration-viewer-password';
  let writer = '';

  beforeAll(async () => {
    await ensureAdminPassword();
    await clearTokens();
    await resetBuckets();
    expect((await captureCli(['provision', '--json'])).code).toBe(0);
  });
  afterEach(() => {
    cookie = undefined;
  });
  afterAll(async () => {
    await clearTokens();
    await resetBuckets();
  });

  it('creates the spec tokens for the admin, each secret once, and refuses a viewer every token change', async () => {
    cookie = await startSession('viewer');
    for (const r of [
      await provisionTokens(undefined),
      await createConsoleToken(undefined),
      await setTokenStatus({ id: '0123456789abcdef', status: 'inactive' }),
      await deleteToken({ id: '0123456789abcdef', confirmDescription: 'x' }),
    ]) {
      expect(!r.ok && r.error.code).toBe('read_only');
    }
    cookie = await startSession('admin');
    const created = await provisionTokens(undefined);
    expect(created.ok && created.data.map((s) => [s.description, s.status])).toEqual([
      ['ai5-writer', 'done'],
      ['ai5-reader', 'done'],
    ]);
    for (const s of created.ok ? created.data : []) recordSecret(s.secret ?? '');
    writer = (created.ok && created.data[0]?.secret) || '';
    const again = await provisionTokens(undefined);
    expect(again.ok && again.data.every((s) => s.status === 'noop' && s.secret === undefined)).toBe(true);
  });

  it('deactivates, activates, and deletes only with the description typed', async () => {
    cookie = await startSession('admin');
    const list = await listTokens();
    const reader = list.ok ? list.data.find((t) => t.description === 'ai5-reader') : undefined;
    expect(reader).toMatchObject({ description: 'ai5-reader', id: expect.stringMatching(/^[0-9a-f]{16}$/) });
    const id = reader?.id ?? '';
    const off = await setTokenStatus({ id, status: 'inactive' });
    expect(off.ok && off.data.status).toBe('inactive');
    expect((await setTokenStatus({ id, status: 'active' })).ok).toBe(true);
    const wrong = await deleteToken({ id, confirmDescription: 'ai5-writer' });
    expect(!wrong.ok && wrong.error.fields?.confirmDescription).toBe('Type ai5-reader exactly.');
    const still = await listTokens();
    expect(still.ok && still.data.some((t) => t.id === id)).toBe(true);
    const done = await deleteToken({ id, confirmDescription: 'ai5-reader' });
    expect(done.ok).toBe(true);
    const after = await listTokens();
    expect(after.ok && after.data.some((t) => t.id === id)).toBe(false);
    const actions = (
      openDb().prepare("SELECT action FROM audit_log WHERE action LIKE 'token.%' OR action = 'provision.token.create'").all() as { action: string }[]
    ).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['provision.token.create', 'token.deactivate', 'token.activate', 'token.delete']));
  });

  it('refuses to deactivate or delete the token the console runs on, and the token keeps working', async () => {
    cookie = await startSession('admin');
    const all = (await (await rawApi('/api/v2/authorizations')).json()) as { authorizations: { id: string; token: string; description?: string }[] };
    const own = all.authorizations.find((a) => a.token === OPERATOR);
    expect(own?.id).toMatch(/^[0-9a-f]{16}$/);
    const id = own?.id ?? '';
    const off = await setTokenStatus({ id, status: 'inactive' });
    expect(!off.ok && off.error.code).toBe('conflict');
    expect(!off.ok && off.error.message).toContain('the one this console runs on (INFLUXDB_TOKEN)');
    const gone = await deleteToken({ id, confirmDescription: own?.description || id });
    expect(!gone.ok && gone.error.code).toBe('conflict');
    // Checked through the raw API: still there, still active.
    const after = (await (await rawApi(`/api/v2/authorizations/${id}`)).json()) as { status: string };
    expect(after.status).toBe('active');
  });

  it('diagnoses a token for a viewer without ever answering it back, ten a minute per session', async () => {
    const viewer = await startSession('viewer');
    const res = await diagnose(viewer, writer);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain(writer);
    expect(JSON.parse(text)).toMatchObject({
      ok: true,
      data: {
        valid: true,
        active: true,
        org: 'homeiq',
        buckets: [
          { name: 'pattern_aggregates_daily', write: true },
          { name: 'pattern_aggregates_weekly', write: true },
        ],
      },
    });
    for (let i = 1; i < 10; i++) expect((await diagnose(viewer, 'made-up-token-0123456789abcdef')).status).toBe(200);
    const limited = await diagnose(viewer, 'made-up-token-0123456789abcdef');
    expect(limited.status).toBe(429);
    // The seconds left depend on when the window started: only a lower bound is known.
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another session is not held back.
    expect((await diagnose(await startSession('viewer'), writer)).status).toBe(200);
    // Cross-site: refused before anything is asked.
    const cross = await checkRoute(
      new Request('http://console.test/api/tokens/check', {
        method: 'POST',
        headers: { cookie: `${SESSION_COOKIE}=${await startSession('admin')}`, origin: 'http://evil.test', host: 'console.test' },
        body: JSON.stringify({ token: writer }),
      }),
    );
    expect(cross.status).toBe(403);
  });
});
