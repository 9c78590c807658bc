import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CLI_ACTOR } from '@/lib/auth/actor';
import { ensureAdminPassword } from '@/lib/auth/credentials';
import { SESSION_COOKIE } from '@/lib/auth/session';
import { startSession } from '@/lib/auth/sessions';
import { createBucket as createBucketCommand } from '@/lib/use-cases/create-bucket';
import { deleteBucket as deleteBucketCommand } from '@/lib/use-cases/delete-bucket';
import { updateBucket as updateBucketCommand } from '@/lib/use-cases/update-bucket';
import { applyProvision as applyPlanCommand } from '@/lib/use-cases/apply-provision';
import { setBudget as setBudgetCommand } from '@/lib/use-cases/set-budget';
import { runCli } from '@/cli/run';
import { GET as statsRoute } from '@/app/api/stats/route';
import { GET as storageRoute } from '@/app/api/storage/route';
import { POST as verifyRoute } from '@/app/api/verify/route';
import { POST as loginRoute } from '@/app/api/auth/login/route';
import { GET as auditCsvRoute } from '@/app/api/audit.csv/route';

/**
 * Generated bad input at every boundary. InfluxDB is pointed at a closed port for the whole
 * suite: an input that slipped past validation would come back `unreachable`, so every
 * `invalid` answer also proves that no InfluxDB call was made.
 */
const RUNS = 250;
let savedUrl: string | undefined;
beforeAll(() => {
  savedUrl = process.env.INFLUXDB_URL;
  process.env.INFLUXDB_URL = 'http://127.0.0.1:9';
});
afterAll(() => {
  process.env.INFLUXDB_URL = savedUrl;
});

const control = fc.integer({ min: 0, max: 31 }).map((c) => String.fromCharCode(c));
const anyText = fc.string({ maxLength: 30 });
const unicode = fc.string({ unit: 'grapheme', maxLength: 20 });

/** Bucket names InfluxDB refuses: each carries a real defect (unicode alone is allowed by InfluxDB). */
const badName = fc.oneof(
  fc.constant(''),
  fc.constant('   '),
  anyText.map((s) => `_${s}`),
  fc.tuple(anyText, anyText).map(([a, b]) => `${a}"${b}`),
  fc.tuple(unicode, control, unicode).map(([a, c, b]) => `${a}x${c}${b}`),
  fc.constant('x'.repeat(10_000)),
  unicode.map((s) => `_${s}`),
  unicode.map((s) => ` ${s}x `),
);

const badRetention = fc.oneof(
  fc.constantFrom('-1d', '0.5h', '59m', 'abc', '1e309', '', ' ', 'd90', '90 d', '1h-', '3599s', '99999999999999999999d', 'NaN', '∞', '１d'),
  fc.integer({ min: 1, max: 3599 }).map((n) => `${n}s`),
  fc.integer({ min: 1, max: 59 }).map((n) => `${n}m`),
  fc.double({ noInteger: true, min: 0.01, max: 1e6 }).map((n) => `${n}h`),
  fc.integer({ max: -1 }),
  fc.double({ noInteger: true, noNaN: true, min: 1, max: 1e9 }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, 1e309),
  anyText.filter((s) => !/^\s*(\d+[smhdw])+\s*$|^\s*\d+\s*$|^\s*inf(inite)?\s*$/i.test(s)),
);

const wrongType = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.array(fc.string(), { maxLength: 2 }), fc.object({ maxDepth: 1 }));

function expectInvalid(result: { ok: boolean; error?: { code: string; message: string } }) {
  expect(result.ok).toBe(false);
  expect(result.error?.code).toBe('invalid');
  expect(result.error?.message.length).toBeGreaterThan(5);
}

describe('bad input at every boundary gets a clear message and makes no InfluxDB call', () => {
  it('create bucket: bad names, bad retentions, wrong types, missing and extra fields', async () => {
    const input = fc.oneof(
      fc.record({ name: badName, retention: fc.constant('90d') }),
      fc.record({ name: fc.constant('good_name'), retention: badRetention }),
      fc.record({ name: wrongType, retention: fc.constant('1d') }),
      fc.record({ name: fc.constant('ok'), retention: wrongType.filter((v) => typeof v !== 'number' || !Number.isInteger(v) || v < 0 || (v > 0 && v < 3600)) }),
      fc.record({ name: fc.constant('ok') }),
      fc.record({ retention: fc.constant('1d') }),
      fc.record({ name: fc.constant('ok'), retention: fc.constant('1d'), extra: fc.anything() }),
      fc.record({
        name: fc.constant('ok'),
        retention: fc.constant('1d'),
        description: fc.oneof(
          wrongType,
          fc.constant('d'.repeat(1001)),
          control.map((c) => `a${c === '\n' || c === '\t' || c === '\r' ? '\u0001' : c}b`),
        ),
      }),
      wrongType,
    );
    await fc.assert(
      fc.asyncProperty(input, async (raw) => expectInvalid(await createBucketCommand(raw, CLI_ACTOR))),
      { numRuns: RUNS },
    );
  });

  it('edit and delete bucket: bad ids, retentions, confirmations and shapes', async () => {
    const id = fc.oneof(fc.constant('0123456789abcdef'), anyText, wrongType);
    const update = fc.oneof(
      fc.record({ id: anyText.filter((s) => !/^[0-9a-f]{16}$/.test(s)), retention: fc.constant('1d'), description: fc.constant('') }),
      fc.record({ id: fc.constant('0123456789abcdef'), retention: badRetention, description: fc.constant('') }),
      fc.record({ id, retention: fc.constant('1d') }),
      fc.record({ id: fc.constant('0123456789abcdef'), retention: fc.constant('1d'), description: fc.constant(''), confirmName: fc.constant('x'.repeat(301)) }),
      fc.record({ id: fc.constant('0123456789abcdef'), retention: fc.constant('1d'), description: fc.constant(''), sneaky: fc.anything() }),
      wrongType,
    );
    const del = fc.oneof(
      fc.record({ id: anyText.filter((s) => !/^[0-9a-f]{16}$/.test(s)), confirmName: anyText }),
      fc.record({ id: fc.constant('0123456789abcdef') }),
      fc.record({ id: fc.constant('0123456789abcdef'), confirmName: wrongType }),
      wrongType,
    );
    await fc.assert(
      fc.asyncProperty(update, async (raw) => expectInvalid(await updateBucketCommand(raw, CLI_ACTOR))),
      { numRuns: RUNS },
    );
    await fc.assert(
      fc.asyncProperty(del, async (raw) => expectInvalid(await deleteBucketCommand(raw, CLI_ACTOR))),
      { numRuns: RUNS },
    );
  });

  it('provision: malformed confirmation lists', async () => {
    const input = fc.oneof(
      fc.record({
        confirm: fc.oneof(
          anyText,
          fc.integer(),
          fc.array(fc.integer(), { minLength: 1 }),
          fc.array(fc.constant('x'.repeat(301)), { minLength: 1, maxLength: 2 }),
        ),
      }),
      fc.record({ confirm: fc.constant([]), extra: fc.anything() }),
      fc.oneof(fc.string(), fc.integer(), fc.boolean()),
    );
    await fc.assert(
      fc.asyncProperty(input, async (raw) => expectInvalid(await applyPlanCommand(raw, CLI_ACTOR))),
      { numRuns: RUNS },
    );
  });

  it('budgets: negative, fractional, huge, text and wrong shapes', async () => {
    const badLimit = fc.oneof(
      fc.integer({ max: 0 }),
      fc.double({ noInteger: true, noNaN: true }),
      fc.constant(1e16),
      anyText.filter((s) => s.trim() !== '' && !/^[\d,_\s]+$/.test(s)),
      fc.boolean(),
    );
    const input = fc.oneof(
      fc.record({ bucketName: fc.constant('pattern_aggregates_daily'), maxBytes: badLimit, maxRecords: fc.constant(null) }),
      fc.record({ bucketName: fc.constant('pattern_aggregates_daily'), maxBytes: fc.constant(null), maxRecords: badLimit }),
      fc.record({ bucketName: badName, maxBytes: fc.constant(null), maxRecords: fc.constant(1) }),
      fc.record({ bucketName: fc.constant('b'), maxBytes: fc.constant(1), maxRecords: fc.constant(1), extra: fc.anything() }),
      wrongType,
    );
    await fc.assert(
      fc.asyncProperty(input, async (raw) => expectInvalid(await setBudgetCommand(raw, CLI_ACTOR))),
      { numRuns: RUNS },
    );
  });

  it('route handlers answer 4xx, never 5xx', async () => {
    // Route handlers check the session themselves: these calls carry a real admin one.
    await ensureAdminPassword();
    const cookie = `${SESSION_COOKIE}=${await startSession('admin')}`;
    const asAdmin = (url: string, init: RequestInit = {}) => new Request(url, { ...init, headers: { cookie } });
    await fc.assert(
      fc.asyncProperty(badName, async (name) => {
        const res = await statsRoute(asAdmin(`http://console.test/api/stats?bucket=${encodeURIComponent(name)}`));
        expect(res.status).toBe(400);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid');
      }),
      { numRuns: RUNS },
    );
    await fc.assert(
      fc.asyncProperty(
        anyText.filter((s) => !['24h', '7d', '30d', '1y'].includes(s)),
        async (range) => {
          const res = await storageRoute(asAdmin(`http://console.test/api/storage?range=${encodeURIComponent(range)}`));
          expect(res.status).toBe(400);
        },
      ),
      { numRuns: RUNS },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constant('x'.repeat(301)),
          fc.tuple(anyText, fc.constantFrom(' ', '"', '/', '\\', '<', '%', '\u0000')).map(([a, c]) => `${a}${c}`),
        ),
        async (only) => {
          const res = await verifyRoute(asAdmin(`http://console.test/api/verify?only=${encodeURIComponent(only)}`, { method: 'POST' }));
          expect(res.status).toBe(400);
        },
      ),
      { numRuns: RUNS },
    );
    // The Audit CSV's filters: a bad one is no filter, so any query answers 200 with the CSV.
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom('action', 'role', 'bucket', 'other'), fc.oneof(anyText, unicode, fc.constant('x'.repeat(10_000)))),
        async (params) => {
          const res = await auditCsvRoute(asAdmin(`http://console.test/api/audit.csv?${new URLSearchParams(params)}`));
          expect(res.status).toBe(200);
          expect((await res.text()).startsWith('time_utc,role,action,bucket,before,after,result,message\r\n')).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constant(''),
          anyText.map((s) => `{"password": ${JSON.stringify(s)}, "extra": 1}`),
          fc.constant('{"password": ""}'),
          fc.constant(`{"password": "${'p'.repeat(1001)}"}`),
          fc.json().filter((j) => !/^\{"password":"[^"]+"\}$/.test(j)),
          anyText,
        ),
        async (body) => {
          const res = await loginRoute(
            new Request('http://console.test/api/auth/login', { method: 'POST', body, headers: { 'Content-Type': 'application/json' } }),
          );
          expect(res.status).toBeGreaterThanOrEqual(400);
          expect(res.status).toBeLessThan(500);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('the CLI refuses bad flags and values with a message and an exit code, without a crash', async () => {
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const argv = fc.oneof(
        fc.tuple(badName, badRetention).map(([n, r]) => ['buckets', 'create', n, '--retention', String(r)]),
        badName.map((n) => ['buckets', 'create', n, '--retention', '1d']),
        badRetention.map((r) => ['buckets', 'create', 'ok_name', '--retention', String(r)]),
        fc.constantFrom(
          ['buckets', 'create', 'x'],
          ['buckets', 'create'],
          ['buckets', 'frobnicate'],
          ['buckets'],
          ['provision', '--force'],
          ['verify', '--yaml'],
          ['export', '--format', 'xml'],
          ['stats', '--bucket'],
          ['seed', '--days', '-1'],
          ['nonsense'],
        ),
        fc
          .tuple(
            fc.constantFrom('--days', '--weeks', '--entities', '--seed'),
            anyText.filter((s) => !/^\d+$/.test(s)),
          )
          .map(([f, v]) => ['seed', f, v]),
        badName.filter((n) => n !== '').map((n) => ['stats', '--bucket', n]),
        fc
          .array(anyText, { maxLength: 4 })
          .map((a) => ['provision', ...a.filter((x) => x !== '')])
          .filter((a) => a.length > 1 && !a.slice(1).every((x) => ['--dry-run', '--yes', '--json'].includes(x))),
      );
      await fc.assert(
        fc.asyncProperty(argv, async (args) => {
          err.mockClear();
          const code = await runCli([...args]);
          expect([1, 2, 64]).toContain(code);
          const said = err.mock.calls.map((c) => String(c[0])).join('');
          expect(said).toMatch(/error:|rerun with --yes/);
          expect(said).not.toContain('unreachable');
        }),
        { numRuns: RUNS },
      );
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
  });
});
