import { connection } from '@/lib/influx/client';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as login } from '@/app/api/auth/login/route';
import { POST as logout } from '@/app/api/auth/logout/route';
import { GET as health } from '@/app/api/health/route';
import { CLI_ACTOR } from '@/lib/auth/actor';
import { DEVICE_COOKIE } from '@/lib/auth/device';
import { SESSION_COOKIE } from '@/lib/auth/session';
import { startSession } from '@/lib/auth/sessions';
import { MAX_WAITING } from '@/lib/auth/throttle';
import { openDb } from '@/lib/db';
import { MAX_UPLOADS } from '@/lib/data/import-uploads';
import { provision } from '@/lib/provision/apply';
import { ai5Spec } from '@/lib/spec/load';
import { readAlerts } from '@/lib/use-cases/read-alerts';
import { sendTestAlert } from '@/lib/use-cases/send-test-alert';
import { setDeliveryOptions } from '@/lib/use-cases/shared/alerting';
import { createBucket } from '@/lib/use-cases/create-bucket';
import { checkImport } from '@/lib/use-cases/check-import';
import { startUpload } from '@/lib/use-cases/start-upload';
import { rawApi, resetBuckets } from '../support/reset';

/**
 * Issue 26's attacks, items 2 to 6, replayed in-process against the route handlers and use cases
 * with the real influxd: each asserts the refusal or the bound, and that nothing leaked or changed.
 */
const ADMIN = 'replay-admin-password';
const saved = { ...process.env };
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'console-replay-'));
  process.env.CONSOLE_ADMIN_PASSWORD = ADMIN;
  process.env.CONSOLE_SESSION_SECRET = 'replay-secret';
});
afterAll(() => {
  process.env = { ...saved };
  rmSync(dir, { recursive: true, force: true });
});

const loginRequest = (password: string, headers: Record<string, string> = {}) =>
  new Request('http://console.test/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', host: 'console.test', ...headers },
    body: JSON.stringify({ password }),
  });

/** The cookie a response sets, as a browser would send it back. */
function cookieFrom(res: Response, name: string): string | undefined {
  for (const c of res.headers.getSetCookie()) if (c.startsWith(`${name}=`)) return c.split(';')[0];
  return undefined;
}

describe('sign-in guesses under concurrency', () => {
  it('60 parallel wrong passwords with rotating X-Forwarded-For: a bounded queue, the delay inside it, the rest refused as 429 at once', async () => {
    const started = performance.now();
    const answers = await Promise.all(
      Array.from({ length: 60 }, async (_, i) => {
        const res = await login(loginRequest(`guess-${i}`, { 'x-forwarded-for': `203.0.113.${i}` }));
        return { status: res.status, at: performance.now() - started, retryAfter: res.headers.get('retry-after') };
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const verified = answers.filter((a) => a.status === 400);
    const busy = answers.filter((a) => a.status === 429);
    expect(verified.length, 'guesses verified').toBe(MAX_WAITING);
    expect(busy.length).toBe(60 - MAX_WAITING);
    expect(
      busy.every((b) => Number(b.retryAfter) >= 1),
      'each 429 says when to retry',
    ).toBe(true);
    expect(Math.max(...busy.map((b) => b.at)), 'refusals answer at once').toBeLessThan(1_000);
    const perSecond = verified.length / seconds;
    console.info(`throttle: ${verified.length} guesses verified in ${seconds.toFixed(1)} s (${perSecond.toFixed(2)}/s), ${busy.length} refused as busy`);
    expect(perSecond, 'guesses per second under 60 parallel clients').toBeLessThanOrEqual(1.5);
  });

  it("answers the admin's correct password within a second from a browser that signed in before, whatever the queue", async () => {
    // The admin's browser signed in once before (it keeps the device cookie).
    const first = await login(loginRequest(ADMIN));
    expect(first.status).toBe(200);
    const device = cookieFrom(first, DEVICE_COOKIE);
    // The device cookie is a random value: that one was set is what is known.
    expect(device).toBeDefined();
    // A flood fills the shared queue (and its delay is at its longest after the test above).
    const flood = Array.from({ length: 200 }, (_, i) => login(loginRequest(`flood-${i}`)));
    const t0 = performance.now();
    const mine = await login(loginRequest(ADMIN, { cookie: device ?? '' }));
    const ms = performance.now() - t0;
    console.info(`throttle: the admin's sign-in took ${ms.toFixed(0)} ms with 200 guesses queued or refused`);
    expect(mine.status).toBe(200);
    expect(ms).toBeLessThan(1_000);
    // Without the device cookie the answer is as quick: busy, with when to retry.
    await new Promise((r) => setTimeout(r, 50));
    const t1 = performance.now();
    const stranger = await login(loginRequest(ADMIN));
    expect(stranger.status).toBe(429);
    expect(performance.now() - t1).toBeLessThan(1_000);
    await Promise.all(flood);
  }, 120_000);

  it('refuses a foreign Origin on sign-in and sign-out with 403, and trusts X-Forwarded-Host only behind a trusted proxy', async () => {
    const foreign = await login(loginRequest(ADMIN, { origin: 'https://evil.example' }));
    expect(foreign.status).toBe(403);
    const spoofed = await login(loginRequest(ADMIN, { origin: 'https://evil.example', 'x-forwarded-host': 'evil.example' }));
    expect(spoofed.status, 'X-Forwarded-Host from the client is not trusted').toBe(403);
    const session = `${SESSION_COOKIE}=${await startSession('admin')}`;
    const out = await logout(
      new Request('http://console.test/api/auth/logout', {
        method: 'POST',
        headers: { host: 'console.test', origin: 'https://evil.example', cookie: session },
      }),
    );
    expect(out.status).toBe(403);
    process.env.CONSOLE_TRUSTED_PROXY = '1';
    try {
      const proxied = await logout(
        new Request('http://127.0.0.1:3000/api/auth/logout', {
          method: 'POST',
          headers: { host: '127.0.0.1:3000', origin: 'https://console.example', 'x-forwarded-host': 'console.example', cookie: session },
        }),
      );
      expect(proxied.status).toBe(303);
    } finally {
      delete process.env.CONSOLE_TRUSTED_PROXY;
    }
  });

  it("gives InfluxDB's version to a signed-in user only", async () => {
    const anonymous = (await (await health(new Request('http://console.test/api/health'))).json()) as { checks: { influxdb: { version?: string } } };
    expect(anonymous.checks.influxdb.version).toBeUndefined();
    const cookie = `${SESSION_COOKIE}=${await startSession('admin')}`;
    const signedIn = (await (await health(new Request('http://console.test/api/health', { headers: { cookie } }))).json()) as {
      checks: { influxdb: { version?: string } };
    };
    expect(signedIn.checks.influxdb.version).toMatch(/^v?2\./);
  });
});

describe("the alert webhook's secret", () => {
  const SECRETS = /PASSWORD|PATHSECRET|QUERYSECRET|hookuser/;

  it('never reaches the answer, the deliveries, the audit log or the alerts view, reachable or not', async () => {
    setDeliveryOptions({ baseDelayMs: 1, attempts: 2, timeoutMs: 2_000 });
    openDb().exec('DELETE FROM alert_deliveries;');
    process.env.CONSOLE_ALERT_WEBHOOK_URL = 'http://hookuser:PASSWORD@127.0.0.1:9/services/T0/B0/PATHSECRET?k=QUERYSECRET';
    try {
      const sent = await sendTestAlert(CLI_ACTOR);
      expect(sent.ok).toBe(false);
      expect(JSON.stringify(sent)).not.toMatch(SECRETS);
      if (!sent.ok) expect(sent.error.message).toContain('127.0.0.1:9');
      const view = await readAlerts();
      expect(JSON.stringify(view)).not.toMatch(SECRETS);
      expect(view.ok && view.data.webhook?.host).toBe('127.0.0.1:9');
      const db = openDb();
      for (const table of ['alert_deliveries', 'audit_log']) expect(JSON.stringify(db.prepare(`SELECT * FROM ${table}`).all()), table).not.toMatch(SECRETS);
    } finally {
      delete process.env.CONSOLE_ALERT_WEBHOOK_URL;
    }
  });
});

describe('bounded work for an import', () => {
  beforeAll(async () => {
    await resetBuckets();
    await provision(ai5Spec(), undefined, connection());
  });

  it('refuses a single 32 MiB line (and a CR-less gzip) quickly with the line number, and reads CR-only line endings as lines', async () => {
    const oneLine = join(dir, 'one-line.lp');
    writeFileSync(oneLine, 'x'.repeat(32 * 1024 * 1024));
    const t0 = performance.now();
    const refused = await checkImport({ bucket: 'pattern_aggregates_daily', path: oneLine });
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/Line 1 is longer than 4 MiB/);
    const gz = join(dir, 'one-line.lp.gz');
    writeFileSync(gz, gzipSync(Buffer.from('y'.repeat(16 * 1024 * 1024))));
    const zipped = await checkImport({ bucket: 'pattern_aggregates_daily', path: gz });
    expect(zipped.ok).toBe(false);
    const now = Date.now();
    const cr = join(dir, 'cr-only.lp');
    writeFileSync(cr, [0, 1, 2].map((i) => `time_based_daily,entity_id=e${i} frequency=1 ${now - i}000000`).join('\r') + '\r');
    const read = await checkImport({ bucket: 'pattern_aggregates_daily', path: cr });
    expect(read.ok && read.data.totalPoints).toBe(3);
    expect(read.ok && read.data.errors).toEqual([]);
  });

  it('refuses a gzip that expands past its bound, with 413, writing nothing', async () => {
    const bomb = join(dir, 'bomb.lp.gz');
    const line = 'time_based_daily,entity_id=e frequency=1 1\n';
    writeFileSync(bomb, gzipSync(Buffer.from(line.repeat(Math.ceil((300 * 1024 * 1024) / line.length))), { level: 1 }));
    const r = await checkImport({ bucket: 'pattern_aggregates_daily', path: bomb });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'too_large', message: expect.stringMatching(/expands to more than 256 MiB/) });
  }, 60_000);

  it('caps uploads in number and refuses announcements past the free disk', async () => {
    process.env.CONSOLE_DATA_DIR = join(dir, 'uploads');
    try {
      const res = await rawApi('/api/v2/buckets?org=homeiq&name=pattern_aggregates_daily');
      const bucketId = ((await res.json()) as { buckets: { id: string }[] }).buckets[0]?.id ?? '';
      const huge = await startUpload({ bucketId, size: 4 * 1024 ** 3 - 1, fileName: 'x.lp' });
      // 4 GiB fits only where the disk has that much free beside the reserve.
      if (!huge.ok) expect(huge.error.code).toBe('too_large');
      const ids = huge.ok ? [huge.data.importId] : [];
      for (let i = ids.length; i < MAX_UPLOADS + 3; i++) {
        const r = await startUpload({ bucketId, size: 1024, fileName: `f${i}.lp` });
        if (i < MAX_UPLOADS) expect(r.ok, `upload ${i}`).toBe(true);
        else {
          expect(r.ok).toBe(false);
          if (!r.ok) expect(r.error.code).toBe('busy');
        }
      }
      expect(readdirSync(join(dir, 'uploads', 'imports')).filter((n) => n.endsWith('.lp'))).toHaveLength(MAX_UPLOADS);
    } finally {
      process.env.CONSOLE_DATA_DIR = saved.CONSOLE_DATA_DIR;
    }
  });
});

describe('bucket names that read as another', () => {
  beforeAll(async () => {
    await resetBuckets();
    await provision(ai5Spec(), undefined, connection());
  });

  it('refuses invisible characters and a lookalike of an existing bucket, creating nothing', async () => {
    const before = await rawApi('/api/v2/buckets?org=homeiq&limit=100').then(async (r) => ((await r.json()) as { buckets: unknown[] }).buckets.length);
    for (const name of [
      'pattern_aggregates_daily\u3164',
      'pattern_aggregates_daily\u2800',
      'pattern\u034F_aggregates_daily',
      'pattern_aggregates_daily\uFE0F',
      'Pattern_Aggregates_Daily',
      'ｐattern_aggregates_daily',
    ]) {
      const r = await createBucket({ name, retention: '30d' }, CLI_ACTOR);
      expect(r.ok, JSON.stringify(name)).toBe(false);
    }
    const after = await rawApi('/api/v2/buckets?org=homeiq&limit=100').then(async (r) => ((await r.json()) as { buckets: unknown[] }).buckets.length);
    expect(after).toBe(before);
  });
});
