import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '@/cli/run';
import { tokensCommand } from '@/cli/commands/tokens';
import { openDb } from '@/lib/db';
import { connection } from '@/lib/influx/client';
import { listAuthorizations, probeToken } from '@/lib/influx/authorizations';
import { listBuckets } from '@/lib/influx/buckets';
import { requireOrg } from '@/lib/influx/orgs';
import { ALL_ACCESS_TYPES } from '@/lib/model/token';
import { rawApi, resetBuckets } from '../support/reset';
import { recordSecret } from '../support/secret-ledger';

const DAILY = 'pattern_aggregates_daily';
const WEEKLY = 'pattern_aggregates_weekly';
/** Every secret this file sees: none may appear in an audit row or a list. */
const secrets: string[] = [];
/** Everything the CLI printed, except the one-time reveals. */
const listed: string[] = [];

async function cli(args: string[], stdin?: string): Promise<{ code: number; out: string; err: string }> {
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const code = stdin === undefined ? await runCli(args) : await tokensCommand(args.slice(1), Readable.from([stdin]));
    return { code, out: out.mock.calls.map((c) => String(c[0])).join(''), err: err.mock.calls.map((c) => String(c[0])).join('') };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

async function tokenCheck(secret: string) {
  const r = await cli(['tokens', 'check', '--json'], `${secret}\n`);
  listed.push(r.out, r.err);
  return {
    code: r.code,
    json: JSON.parse(r.out) as {
      valid: boolean;
      active: boolean;
      org: string | null;
      buckets: { name: string; read: boolean; write: boolean }[];
      fix?: string;
    },
  };
}

/** A raw write in HomeIQ's wire format with `secret`: the API the writer uses, not the console's code. */
async function writeWith(secret: string, bucket: string): Promise<number> {
  const midnight = Math.floor(Date.now() / 86_400_000) * 86_400;
  const line =
    bucket === DAILY
      ? `time_based_daily,date=today,entity_id=light.kitchen,domain=light frequency=0.5,confidence=0.9,occurrences=3i ${midnight}`
      : `session_weekly,week=this,session_type=evening avg_session_duration=3600,session_count=4i,confidence=0.8 ${midnight}`;
  const res = await fetch(`${process.env.INFLUXDB_URL}/api/v2/write?org=homeiq&bucket=${bucket}&precision=s`, {
    method: 'POST',
    headers: { Authorization: `Token ${secret}` },
    body: line,
  });
  return res.status;
}

async function rawToken(orgID: string, description: string, permissions: unknown[]): Promise<{ id: string; token: string }> {
  const res = await rawApi('/api/v2/authorizations', { method: 'POST', body: JSON.stringify({ orgID, description, permissions }) });
  expect(res.status).toBe(201);
  const body = (await res.json()) as { id: string; token: string };
  secrets.push(body.token);
  recordSecret(body.token);
  return body;
}

async function createByCli(role: 'writer' | 'reader', out?: string) {
  const r = await cli(['tokens', 'create', '--role', role, '--json', ...(out ? ['--out', out] : [])]);
  expect(r.code).toBe(0);
  if (out) {
    const json = JSON.parse(r.out) as { id: string; description: string; permissions: unknown[]; secretWrittenTo?: string };
    const secret = readFileSync(out, 'utf8').trim();
    secrets.push(secret);
    recordSecret(secret);
    listed.push(r.out, r.err);
    return { json, secret };
  }
  // Without --out the secret is printed once, alone on the first line; the JSON follows.
  const [secret = '', ...rest] = r.out.split('\n');
  secrets.push(secret);
  recordSecret(secret);
  listed.push(rest.join('\n'), r.err);
  return { json: JSON.parse(rest.join('\n')) as { id: string; description: string; permissions: unknown[]; secretWrittenTo?: string }, secret };
}

describe('tokens against a real influxd', () => {
  const dir = mkdtempSync(join(tmpdir(), 'console-tokens-'));
  let orgID = '';
  let writer = { id: '', secret: '' };
  let reader = { id: '', secret: '' };

  beforeAll(async () => {
    await resetBuckets();
    expect((await cli(['provision', '--json'])).code).toBe(0);
    const conn = connection();
    orgID = (await requireOrg('homeiq', conn)).id;
    await rawApi('/api/v2/buckets', { method: 'POST', body: JSON.stringify({ orgID, name: 'other_bucket', retentionRules: [] }) });
  });

  afterAll(async () => {
    // Every token but the server's own (the operator token the tests run with).
    const res = (await (await rawApi('/api/v2/authorizations')).json()) as { authorizations: { id: string; token: string }[] };
    for (const a of res.authorizations) if (a.token !== process.env.INFLUXDB_TOKEN) await rawApi(`/api/v2/authorizations/${a.id}`, { method: 'DELETE' });
    await rawApi('/api/v2/orgs?org=elsewhere').then(async (r) => {
      const orgs = ((await r.json()) as { orgs?: { id: string }[] }).orgs ?? [];
      for (const o of orgs) await rawApi(`/api/v2/orgs/${o.id}`, { method: 'DELETE' });
    });
    await resetBuckets();
  });

  it('creates a writer that writes HomeIQ aggregates to both AI-5 buckets and is refused elsewhere', async () => {
    const file = join(dir, 'writer.token');
    const { json, secret } = await createByCli('writer', file);
    writer = { id: json.id, secret };
    expect(Object.keys(json).sort()).toEqual(['description', 'id', 'permissions', 'secretWrittenTo']);
    expect(json).toMatchObject({ description: 'ai5-writer', secretWrittenTo: file });
    expect(json.permissions).toEqual([
      { action: 'write', resource: expect.objectContaining({ type: 'buckets', name: DAILY }) },
      { action: 'write', resource: expect.objectContaining({ type: 'buckets', name: WEEKLY }) },
    ]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(secret.length).toBeGreaterThan(20);

    expect(await writeWith(secret, DAILY)).toBe(204);
    expect(await writeWith(secret, WEEKLY)).toBe(204);
    expect([403, 404]).toContain(await writeWith(secret, 'other_bucket'));
    // The raw API confirms it can do nothing but write: no bucket list, no tokens.
    const authz = await fetch(`${process.env.INFLUXDB_URL}/api/v2/authorizations`, { headers: { Authorization: `Token ${secret}` } });
    expect(((await authz.json()) as { authorizations: unknown[] }).authorizations).toEqual([]);
  });

  it('never writes the secret over an existing file, and creates no token then', async () => {
    const file = join(dir, 'taken.token');
    writeFileSync(file, 'keep me\n');
    const before = (await listAuthorizations(orgID, connection())).length;
    const r = await cli(['tokens', 'create', '--role', 'reader', '--out', file]);
    expect(r.code).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe('keep me\n');
    expect((await listAuthorizations(orgID, connection())).length).toBe(before);
  });

  it('prints a reader secret once on its own line when no --out is given', async () => {
    const { json, secret } = await createByCli('reader');
    reader = { id: json.id, secret };
    expect(json).toMatchObject({ description: 'ai5-reader' });
    expect(json).not.toHaveProperty('secretWrittenTo');
    expect(secret).toMatch(/^\S{20,}$/);
    expect([403, 404]).toContain(await writeWith(secret, DAILY));
  });

  it('lists tokens with the public JSON shape and without any secret', async () => {
    const r = await cli(['tokens', 'list', '--json']);
    listed.push(r.out);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.out) as { id: string; allAccess: boolean; permissions: { resource: Record<string, unknown> }[] }[];
    for (const t of list) {
      expect(Object.keys(t).sort()).toEqual(['allAccess', 'description', 'id', 'permissions', 'status']);
      for (const p of t.permissions) expect(Object.keys(p.resource).every((k) => ['type', 'name', 'id'].includes(k))).toBe(true);
    }
    expect(list.find((t) => t.id === writer.id)).toMatchObject({ description: 'ai5-writer', status: 'active', allAccess: false });
    expect(list.find((t) => t.id !== writer.id && t.id !== reader.id)).toMatchObject({ allAccess: true });
    const text = await cli(['tokens', 'list']);
    listed.push(text.out);
    expect(text.out).toContain('write pattern_aggregates_daily and pattern_aggregates_weekly');
    expect(text.out).toContain('read pattern_aggregates_daily and pattern_aggregates_weekly');
    expect(text.out).toContain('operator: every org');
    // The gateway's own objects carry no secret either (2.7 and 2.8 return them on list).
    const objects = JSON.stringify(await listAuthorizations(orgID, connection()));
    expect(objects).not.toContain('"token"');
    for (const s of [...secrets, process.env.INFLUXDB_TOKEN ?? '']) expect(objects).not.toContain(s);
  });

  it('diagnoses an all-access, a writer, a reader, a foreign-org and a made-up token', async () => {
    const all = await rawToken(
      orgID,
      'all access',
      [...ALL_ACCESS_TYPES].flatMap((type) =>
        ['read', 'write'].map((action) => ({ action, resource: type === 'orgs' ? { type, id: orgID } : { type, orgID } })),
      ),
    );
    const allCheck = await tokenCheck(all.token);
    expect(allCheck.code).toBe(0);
    expect(allCheck.json).toEqual({
      valid: true,
      active: true,
      org: 'homeiq',
      buckets: [
        { name: DAILY, read: true, write: true },
        { name: WEEKLY, read: true, write: true },
      ],
    });
    const list = JSON.parse((await cli(['tokens', 'list', '--json'])).out) as { id: string; allAccess: boolean }[];
    expect(list.find((t) => t.id === all.id)?.allAccess).toBe(true);

    const w = await tokenCheck(writer.secret);
    expect(w.code).toBe(0);
    expect(w.json.buckets).toEqual([
      { name: DAILY, read: false, write: true },
      { name: WEEKLY, read: false, write: true },
    ]);
    expect(w.json).not.toHaveProperty('fix');

    const r = await tokenCheck(reader.secret);
    expect(r.code).toBe(1);
    expect(r.json.buckets).toEqual([
      { name: DAILY, read: true, write: false },
      { name: WEEKLY, read: true, write: false },
    ]);
    expect(r.json.fix).toContain('cannot write pattern_aggregates_daily and pattern_aggregates_weekly');

    const org = (await (await rawApi('/api/v2/orgs', { method: 'POST', body: JSON.stringify({ name: 'elsewhere' }) })).json()) as { id: string };
    const otherBucket = (await (
      await rawApi('/api/v2/buckets', { method: 'POST', body: JSON.stringify({ orgID: org.id, name: DAILY, retentionRules: [] }) })
    ).json()) as { id: string };
    const foreign = await rawToken(org.id, 'foreign writer', [{ action: 'write', resource: { type: 'buckets', id: otherBucket.id, orgID: org.id } }]);
    const f = await tokenCheck(foreign.token);
    expect(f.code).toBe(1);
    expect(f.json).toMatchObject({
      valid: true,
      active: true,
      org: 'elsewhere',
      buckets: [
        { name: DAILY, read: false, write: false },
        { name: WEEKLY, read: false, write: false },
      ],
    });
    expect(f.json.fix).toContain('organization elsewhere');

    const made = await tokenCheck('made-up-token-0123456789abcdef');
    expect(made.code).toBe(1);
    expect(made.json).toMatchObject({ valid: false, active: false, org: null });
    expect(made.json.fix).toContain('tokens create --role writer');
  });

  it('deactivates, diagnoses as inactive, activates again and deletes with --yes only', async () => {
    expect((await cli(['tokens', 'deactivate', writer.id])).code).toBe(0);
    expect(await writeWith(writer.secret, DAILY)).toBe(403);
    const inactive = await tokenCheck(writer.secret);
    expect(inactive.code).toBe(1);
    expect(inactive.json).toMatchObject({
      valid: true,
      active: false,
      buckets: [
        { name: DAILY, write: false },
        { name: WEEKLY, write: false },
      ],
    });
    expect(inactive.json.fix).toContain(`tokens activate ${writer.id}`);

    expect((await cli(['tokens', 'activate', writer.id])).code).toBe(0);
    expect(await writeWith(writer.secret, DAILY)).toBe(204);

    const unconfirmed = await cli(['tokens', 'delete', writer.id]);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.err).toContain('Would delete token');
    expect(unconfirmed.err).toContain('ai5-writer');
    expect(await writeWith(writer.secret, DAILY)).toBe(204);

    const deleted = await cli(['tokens', 'delete', writer.id, '--yes']);
    expect(deleted.code).toBe(0);
    expect(await writeWith(writer.secret, DAILY)).toBe(401);
    expect((await cli(['tokens', 'delete', writer.id, '--yes'])).code).toBe(1);
  });

  it('asks InfluxDB with the token itself when the secret cannot be matched (hashed tokens), with the same answers', async () => {
    const conn = connection();
    const org = await requireOrg('homeiq', conn);
    const buckets = (await listBuckets({ orgID: org.id }, conn)).filter((b) => b.name === DAILY || b.name === WEEKLY);
    const probe = (secret: string) => probeToken(secret, org, buckets, conn);
    expect((await probe(reader.secret)).buckets.map((b) => [b.read, b.write])).toEqual([
      [true, false],
      [true, false],
    ]);
    expect(await probe('made-up-token-0123456789abcdef')).toMatchObject({ valid: false });
    await cli(['tokens', 'deactivate', reader.id]);
    expect(await probe(reader.secret)).toMatchObject({ valid: true, active: false });
    await cli(['tokens', 'activate', reader.id]);
  });

  it('records every token change in the audit log without any secret', () => {
    const rows = openDb().prepare("SELECT action, before_json, after_json, message FROM audit_log WHERE action LIKE 'token.%'").all() as Record<
      string,
      string | null
    >[];
    expect(new Set(rows.map((r) => r.action))).toEqual(new Set(['token.create', 'token.deactivate', 'token.activate', 'token.delete']));
    const everything = JSON.stringify(openDb().prepare('SELECT * FROM audit_log').all());
    expect(secrets.length).toBe(4);
    for (const s of secrets) {
      expect(everything).not.toContain(s);
      for (const text of listed) expect(text).not.toContain(s);
    }
  });
});

describe('provisioning the spec tokens (provision --tokens)', () => {
  const shown: string[] = [];

  async function clearTokens() {
    const res = (await (await rawApi('/api/v2/authorizations')).json()) as { authorizations: { id: string; token: string }[] };
    for (const a of res.authorizations) if (a.token !== process.env.INFLUXDB_TOKEN) await rawApi(`/api/v2/authorizations/${a.id}`, { method: 'DELETE' });
  }

  beforeAll(async () => {
    await resetBuckets();
    await clearTokens();
  });
  afterAll(clearTokens);

  it('plans the AI-5 writer and reader, creates them once with their secrets, and finds nothing to do on a rerun', async () => {
    const dry = await cli(['provision', '--dry-run', '--tokens', '--json']);
    expect(dry.code).toBe(0);
    const planned = JSON.parse(dry.out) as { steps: unknown[]; tokens: { description: string; action: string }[] };
    expect(planned.steps).toHaveLength(2);
    expect(planned.tokens.map((t) => [t.description, t.action])).toEqual([
      ['ai5-writer', 'create'],
      ['ai5-reader', 'create'],
    ]);
    const text = await cli(['provision', '--dry-run', '--tokens']);
    expect(text.out).toContain('create token ai5-writer: write on pattern_aggregates_daily, pattern_aggregates_weekly');

    const run = await cli(['provision', '--tokens', '--json']);
    expect(run.code).toBe(0);
    const applied = JSON.parse(run.out) as { applied: boolean; tokens: { description: string; status: string; id: string; secret?: string }[] };
    expect(applied.applied).toBe(true);
    expect(applied.tokens.map((t) => [t.description, t.status])).toEqual([
      ['ai5-writer', 'done'],
      ['ai5-reader', 'done'],
    ]);
    for (const t of applied.tokens) {
      expect(t.secret).toMatch(/^\S{20,}$/);
      shown.push(t.secret ?? '');
      recordSecret(t.secret ?? '');
    }
    const [writerSecret = '', readerSecret = ''] = shown;
    expect(await writeWith(writerSecret, DAILY)).toBe(204);
    expect(await writeWith(writerSecret, WEEKLY)).toBe(204);
    expect([403, 404]).toContain(await writeWith(readerSecret, DAILY));

    const again = await cli(['provision', '--tokens', '--json']);
    const rerun = JSON.parse(again.out) as { steps: { action: string }[]; tokens: { action: string; status: string; secret?: string }[] };
    expect(rerun.steps.map((s) => s.action)).toEqual(['noop', 'noop']);
    expect(rerun.tokens.map((t) => [t.action, t.status])).toEqual([
      ['noop', 'noop'],
      ['noop', 'noop'],
    ]);
    expect(again.out).not.toContain(writerSecret);

    // Without --tokens the public provision JSON is as it was.
    const plain = JSON.parse((await cli(['provision', '--json'])).out) as Record<string, unknown>;
    expect(Object.keys(plain).sort()).toEqual(['applied', 'notes', 'steps']);

    const list = (await cli(['tokens', 'list'])).out;
    const audit = JSON.stringify(openDb().prepare('SELECT * FROM audit_log').all());
    expect(audit).toContain('provision.token.create');
    for (const s of shown) {
      expect(audit).not.toContain(s);
      expect(list).not.toContain(s);
    }
  });
});
