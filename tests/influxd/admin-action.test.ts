import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureAdminPassword, sessionSecret } from '@/lib/auth/credentials';
import { encodeSession, SESSION_COOKIE } from '@/lib/auth/session';
import { startSession } from '@/lib/auth/sessions';
import { listBuckets as listOrgBuckets } from '@/lib/use-cases/list-buckets';

/** The session cookie the next action call carries (server actions read it with next/headers). */
let cookie: string | undefined;
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: (name: string) => (name === SESSION_COOKIE && cookie ? { name, value: cookie } : undefined) }),
}));

const { createBucket } = await import('@/lib/actions/create-bucket');
const { applyPlan } = await import('@/lib/actions/apply-plan');
const { setBudget } = await import('@/lib/actions/set-budget');
const { restoreBackup } = await import('@/lib/actions/restore-backup');
const { verifyBackup } = await import('@/lib/actions/verify-backup');

async function exists(name: string): Promise<boolean> {
  const list = await listOrgBuckets();
  return list.ok && list.data.some((b) => b.name === name);
}

describe('the admin guard of every server action, against a real influxd', () => {
  // Sessions are server-side: each cookie below is a real session, issued under the roles' passwords.
  process.env.CONSOLE_VIEWER_PASSWORD ??= 'integration-viewer-password';
  beforeAll(async () => {
    await ensureAdminPassword();
  });
  afterEach(() => {
    cookie = undefined;
  });

  it('refuses a signed-out caller and a viewer, making no change', async () => {
    for (const who of [undefined, await startSession('viewer')]) {
      cookie = who;
      const results = [
        await createBucket({ name: 'guarded_bucket', retention: '1d' }),
        await applyPlan({ confirm: [] }),
        await setBudget({ bucketName: 'x', maxBytes: 1, maxRecords: null }),
        await restoreBackup({ id: '20261206T000000Z', bucket: 'x', as: 'guarded_bucket' }),
        await verifyBackup({ id: '20261206T000000Z' }),
      ];
      for (const r of results) {
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error.code).toBe(who ? 'read_only' : 'signed_out');
      }
    }
    expect(await exists('guarded_bucket')).toBe(false);
  });

  it('lets an admin through', async () => {
    cookie = await startSession('admin');
    const r = await createBucket({ name: 'guarded_bucket', retention: '1d' });
    expect(r.ok).toBe(true);
    expect(await exists('guarded_bucket')).toBe(true);
  });

  it('refuses a forged or expired session', async () => {
    cookie = encodeSession({ role: 'admin', exp: Date.now() - 1 }, sessionSecret());
    expect((await createBucket({ name: 'guarded_2', retention: '1d' })).ok).toBe(false);
    cookie = encodeSession({ role: 'admin', exp: Date.now() + 60_000 }, 'not-the-secret');
    expect((await createBucket({ name: 'guarded_2', retention: '1d' })).ok).toBe(false);
    expect(await exists('guarded_2')).toBe(false);
  });
});
