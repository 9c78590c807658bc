import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tokensCommand } from '@/cli/commands/tokens';
import { openDb } from '@/lib/db';
import { connection } from '@/lib/influx/client';
import { requireOrg } from '@/lib/influx/orgs';
import { forgetCachedReads } from '@/lib/process-cache';
import { readConsoleToken } from '@/lib/use-cases/read-console-token';
import { listTokens } from '@/lib/use-cases/list-tokens';
import { planTokenSteps } from '@/lib/use-cases/plan-tokens';
import { captureCli } from '../support/cli';
import { rawApi, resetBuckets } from '../support/reset';
import { recordSecret } from '../support/secret-ledger';

const DAILY = 'pattern_aggregates_daily';
const WEEKLY = 'pattern_aggregates_weekly';
const OPERATOR = process.env.INFLUXDB_TOKEN ?? '';
/** Every secret created here: none may be in an audit row or in anything the CLI printed but its one reveal. */
const secrets: string[] = [];
const printed: string[] = [];

async function cli(args: string[]) {
  const r = await captureCli(args);
  printed.push(r.stdout, r.stderr);
  // With --json an error is a JSON answer on stdout; without, a message on stderr.
  return { ...r, said: `${r.stdout}\n${r.stderr}` };
}

/** `data delete` of every point of a bucket, confirmed and without a backup, as a script would run it. */
const deleteEverything = (bucket: string) =>
  cli(['data', 'delete', '--bucket', bucket, '--start', '1970-01-01T00:00:00Z', '--stop', new Date().toISOString(), '--yes', '--no-backup', '--json']);

async function check(secret: string) {
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const code = await tokensCommand(['check', '--json'], Readable.from([`${secret}\n`]));
    const text = out.mock.calls.map((c) => String(c[0])).join('');
    printed.push(text, err.mock.calls.map((c) => String(c[0])).join(''));
    return { code, json: JSON.parse(text) as { valid: boolean; buckets: { name: string; read: boolean; write: boolean }[] } };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/** Runs `work` as a console whose INFLUXDB_TOKEN is `secret`, and back on the operator token after, also on failure. */
async function asConsole<T>(secret: string, work: () => Promise<T>): Promise<T> {
  process.env.INFLUXDB_TOKEN = secret;
  forgetCachedReads();
  try {
    return await work();
  } finally {
    process.env.INFLUXDB_TOKEN = OPERATOR;
    forgetCachedReads();
  }
}

async function clearTokens() {
  const res = (await (await rawApi('/api/v2/authorizations')).json()) as { authorizations: { id: string; token: string }[] };
  for (const a of res.authorizations) if (a.token !== OPERATOR) await rawApi(`/api/v2/authorizations/${a.id}`, { method: 'DELETE' });
}

const checkOf = (report: unknown, id: string) =>
  (report as { checks: { id: string; status: string; detail: string; fix: string }[] }).checks.find((c) => c.id === id);

describe('the console on least privilege', () => {
  const dir = mkdtempSync(join(tmpdir(), 'console-least-'));
  let orgID = '';
  let scoped = '';

  beforeAll(async () => {
    await clearTokens();
    await resetBuckets();
    expect((await cli(['provision', '--json'])).code).toBe(0);
    orgID = (await requireOrg('homeiq', connection())).id;
  });

  afterAll(async () => {
    process.env.INFLUXDB_TOKEN = OPERATOR;
    await clearTokens();
    await resetBuckets();
  });

  it('warns that the console runs with an operator token and that only it can write the buckets, then creates the scoped console token', async () => {
    const status = await readConsoleToken();
    expect(status.ok && status.data.verdict?.breadth).toBe('operator');
    expect(status.ok && status.data.recommended).toBe('ai5-console');
    const verify = await cli(['verify', '--json']);
    expect(checkOf(verify.json, 'console-token')).toMatchObject({ status: 'warn', detail: expect.stringContaining('operator token') });
    expect(checkOf(verify.json, 'console-token')?.fix).toContain('ai5-console');
    expect(checkOf(verify.json, 'writer-token')).toMatchObject({
      status: 'warn',
      detail: expect.stringContaining(`Only all-access or operator tokens can write ${DAILY} and ${WEEKLY}`),
    });

    const file = join(dir, 'console.token');
    const created = await cli(['tokens', 'create-console', '--out', file, '--json']);
    expect(created.code).toBe(0);
    scoped = readFileSync(file, 'utf8').trim();
    secrets.push(scoped);
    recordSecret(scoped);
    const json = created.json as { description: string; permissions: { action: string; resource: { type: string } }[] };
    expect(json.description).toBe('ai5-console');
    expect(json.permissions.map((p) => `${p.action}:${p.resource.type}`)).toEqual([
      'read:orgs',
      'read:buckets',
      'write:buckets',
      'read:authorizations',
      'write:authorizations',
      'read:users',
      'write:users',
    ]);
    // Asked again, it refuses: the existing one's secret is never shown again.
    const again = await cli(['tokens', 'create-console', '--json']);
    expect(again.code).toBe(1);
    expect(again.said).toContain('exists already');
  });

  it('runs every feature on the scoped token it recommends, and says which permission backups need', async () => {
    await asConsole(scoped, async () => {
      const status = await readConsoleToken();
      expect(status.ok && status.data.verdict).toEqual({ breadth: 'scoped', extra: [], missing: [] });
      expect((await cli(['buckets', 'list', '--json'])).code).toBe(0);
      expect((await cli(['buckets', 'create', 'scratch_least', '--retention', '1d'])).code).toBe(0);
      expect((await cli(['buckets', 'delete', 'scratch_least', '--yes', '--no-backup'])).code).toBe(0);
      expect((await cli(['seed', '--days', '3', '--weeks', '2', '--entities', '2'])).code).toBe(0);
      expect((await cli(['stats', '--json'])).code).toBe(0);
      expect((await cli(['insights', '--json'])).code).toBe(0);
      const del = await deleteEverything(DAILY);
      expect(del.code).toBe(0);

      // Provision's token steps: the scoped console token can create the writer and the reader (InfluxDB lets it grant what it holds).
      expect((await planTokenSteps()).ok).toBe(true);
      // The one-time reveal of the new secrets: not among what may not show them.
      const provision = await captureCli(['provision', '--tokens', '--json']);
      expect(provision.code).toBe(0);
      const tokens = (provision.json as { tokens: { description: string; status: string; secret?: string }[] }).tokens;
      expect(tokens.map((t) => [t.description, t.status])).toEqual([
        ['ai5-writer', 'done'],
        ['ai5-reader', 'done'],
      ]);
      for (const t of tokens) {
        secrets.push(t.secret ?? '');
        recordSecret(t.secret ?? '');
      }
      const writer = tokens[0]?.secret ?? '';
      expect((await check(writer)).code).toBe(0);
      const list = await listTokens();
      expect(list.ok && list.data.map((t) => t.description).sort()).toEqual(expect.arrayContaining(['ai5-console', 'ai5-reader', 'ai5-writer']));
      const writerId = list.ok ? (list.data.find((t) => t.description === 'ai5-writer')?.id ?? '') : '';
      expect((await cli(['tokens', 'deactivate', writerId])).code).toBe(0);
      expect((await cli(['tokens', 'activate', writerId])).code).toBe(0);
      expect((await cli(['tokens', 'list', '--json'])).code).toBe(0);

      const verify = await cli(['verify', '--json']);
      expect(verify.code).toBe(0);
      expect(checkOf(verify.json, 'console-token')?.status).toBe('pass');
      expect(checkOf(verify.json, 'writer-token')).toMatchObject({ status: 'pass', detail: expect.stringContaining('ai5-writer') });
      expect(checkOf(verify.json, `bucket-write:${DAILY}`)?.status).toBe('pass');

      const backup = await cli(['backup', 'create', '--out', join(dir, 'backups'), '--json']);
      expect(backup.code).toBe(1);
      expect(backup.said).toContain('operator token');
    });
  });

  it('says which permission each feature lacks on a read-only console token, instead of a raw 401 or 403', async () => {
    const res = await rawApi('/api/v2/authorizations', {
      method: 'POST',
      body: JSON.stringify({
        orgID,
        description: 'read only console',
        permissions: [
          { action: 'read', resource: { type: 'orgs', id: orgID } },
          { action: 'read', resource: { type: 'buckets', orgID } },
        ],
      }),
    });
    const readOnly = ((await res.json()) as { token: string }).token;
    secrets.push(readOnly);
    recordSecret(readOnly);
    await asConsole(readOnly, async () => {
      expect((await cli(['buckets', 'list', '--json'])).code).toBe(0);
      const create = await cli(['buckets', 'create', 'scratch_refused', '--retention', '1d', '--json']);
      expect(create.code).toBe(1);
      expect(create.said).toContain(`it needs write:orgs/${orgID}/buckets`);
      const seed = await cli(['seed', '--days', '1', '--weeks', '1', '--entities', '1']);
      expect(seed.code).toBe(1);
      expect(seed.said).toContain('cannot write bucket pattern_aggregates_');
      const del = await deleteEverything(WEEKLY);
      expect(del.code).toBe(1);
      expect(del.said).toContain(`cannot delete data in bucket ${WEEKLY}: it needs write:orgs/<org ID>/buckets/<ID of ${WEEKLY}>`);
      const token = await cli(['tokens', 'create', '--role', 'writer', '--json']);
      expect(token.code).toBe(1);
      expect(token.said).toMatch(/it needs write:(orgs\/[0-9a-f]+\/authorizations|users\/[0-9a-f]+)/);
      const verify = await cli(['verify', '--json']);
      expect(checkOf(verify.json, `bucket-write:${DAILY}`)).toMatchObject({
        status: 'fail',
        detail: expect.stringContaining(`cannot write bucket ${DAILY}: it needs write:orgs/<org ID>/buckets/<ID of ${DAILY}>`),
      });
      expect(checkOf(verify.json, 'console-token')?.status).toBe('pass');
      expect(checkOf(verify.json, 'writer-token')).toMatchObject({ status: 'warn', detail: expect.stringContaining('sees no token') });
      const backup = await cli(['backup', 'create', '--out', join(dir, 'backups-ro'), '--json']);
      expect(backup.code).toBe(1);
      expect(backup.said).toContain('operator token');
    });
  });

  it('keeps every secret out of the audit log and out of everything printed but the one reveal', () => {
    expect(secrets.filter(Boolean).length).toBe(4);
    const audit = JSON.stringify(openDb().prepare('SELECT * FROM audit_log').all());
    for (const s of secrets) {
      expect(audit).not.toContain(s);
      for (const text of printed) expect(text).not.toContain(s);
    }
  });
});
