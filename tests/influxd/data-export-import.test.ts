import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '@/cli/run';
import { GET as exportRoute } from '@/app/api/data/export/route';
import { POST as startRoute } from '@/app/api/data/import/route';
import { POST as chunkRoute } from '@/app/api/data/import/[id]/route';
import { POST as checkRoute } from '@/app/api/data/import/[id]/check/route';
import { POST as writeRoute } from '@/app/api/data/import/[id]/write/route';
import { readAudit } from '@/lib/audit/log';
import { connection } from '@/lib/influx/client';
import { LineBatch } from '@/lib/data/line-batch';
import { writeRawBatch } from '@/lib/influx/write-raw';
import { ensureAdminPassword } from '@/lib/auth/credentials';
import { SESSION_COOKIE } from '@/lib/auth/session';
import { startSession } from '@/lib/auth/sessions';
import { planExport } from '@/lib/use-cases/plan-export';
import { runExport } from '@/lib/use-cases/run-export';
import type { ImportProgress } from '@/lib/model/data-operations';
import { checkUpload } from '@/lib/use-cases/check-upload';
import { receiveChunk } from '@/lib/use-cases/receive-chunk';
import { startUpload } from '@/lib/use-cases/start-upload';
import { writeUpload } from '@/lib/use-cases/write-upload';
import { rawApi, resetBuckets } from '../support/reset';
import { unwrap } from '../support/unwrap';

const dir = mkdtempSync(join(tmpdir(), 'console-data-ops-'));
const ORG = () => process.env.INFLUXDB_ORG ?? '';
const now = BigInt(Date.now()) * 1_000_000n;
const at = (secondsAgo: number) => String(now - BigInt(secondsAgo) * 1_000_000_000n);

/** Runs a CLI command in-process; stdout as bytes (the export is binary) and stderr as text. */
async function cli(args: string[]): Promise<{ code: number; stdout: Buffer; stderr: string }> {
  const out: Buffer[] = [];
  const err: string[] = [];
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out.push(Buffer.from(chunk));
    return true;
  });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err.push(String(chunk));
    return true;
  });
  try {
    const code = await runCli(args);
    return { code, stdout: Buffer.concat(out), stderr: err.join('') };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

async function cliJson(args: string[]): Promise<{
  code: number;
  json: { dryRun: boolean; points: Record<string, number>; lines: Record<string, number>; errors: { line: number; message: string }[]; written: number | null };
}> {
  const { code, stdout } = await cli(args);
  return { code, json: JSON.parse(stdout.toString('utf8')) };
}

const ADMIN = { role: 'admin' } as const;

async function createBucket(name: string, retentionSeconds = 0): Promise<string> {
  const orgs = (await (await rawApi(`/api/v2/orgs?org=${encodeURIComponent(ORG())}`)).json()) as { orgs: { id: string }[] };
  const res = await rawApi('/api/v2/buckets', {
    method: 'POST',
    body: JSON.stringify({ orgID: orgs.orgs[0]?.id, name, retentionRules: retentionSeconds ? [{ type: 'expire', everySeconds: retentionSeconds }] : [] }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** Writes straight to InfluxDB, not through the console. */
async function rawWrite(bucket: string, lines: string[]): Promise<void> {
  const res = await rawApi(`/api/v2/write?org=${encodeURIComponent(ORG())}&bucket=${bucket}&precision=ns`, {
    method: 'POST',
    body: lines.join('\n'),
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
  expect(res.status, await res.clone().text()).toBe(204);
}

/** Every raw row of a bucket as InfluxDB's annotated CSV, read with a raw Flux query. */
async function rawRows(bucket: string): Promise<string> {
  const query = `from(bucket: "${bucket}") |> range(start: 1970-01-01T00:00:00Z, stop: 2200-01-01T00:00:00Z) |> drop(columns: ["_start", "_stop"])`;
  const res = await rawApi(`/api/v2/query?org=${encodeURIComponent(ORG())}`, {
    method: 'POST',
    body: query,
    headers: { 'Content-Type': 'application/vnd.flux', Accept: 'application/csv' },
  });
  expect(res.status).toBe(200);
  return res.text();
}

const rowCount = (csv: string) => csv.split('\n').filter((l) => /^,_result,/.test(l) || /^,,\d+,/.test(l)).length;

/** Every field type and every character line protocol treats specially, in every place it can stand. */
const TRICKY = [
  `sensor\\ data\\,v1=x,entity\\ id=light.k\\=1\\,2,note=a"b,path=C:\\temp\\x,room=Küche\\ 温度\\ 🌡 float=1.5,int=-42i,uint=18446744073709551615u,yes=true,text="say \\"hi\\" \\\\ back\\nslash",whole=3,big=1.7976931348623157e308,tiny=5e-324 ${at(60)}`,
  `sensor\\ data\\,v1=x,entity\\ id=light.k\\=1\\,2,note=a"b,path=C:\\temp\\x,room=Küche\\ 温度\\ 🌡 float=-0.1,int=-9223372036854775808i,uint=0u,yes=false,text="",whole=-3,big=123456789012345680000,tiny=0.000001 ${at(30)}`,
  `m,t=1 f\\ k\\,e\\=y=2.5,multi="line one\nline two\ttabbed",trailing="ends with backslash\\\\",quote="\\"" ${at(10)}`,
  `m,t=2 v=7i 1`,
];

describe('export and import of line protocol (CLI, real influxd)', () => {
  beforeEach(resetBuckets);
  afterAll(resetBuckets);

  it('exports a bucket and imports it into a new bucket with identical raw rows: every field type, every escaped character', async () => {
    await createBucket('export_src');
    await createBucket('export_dst');
    await rawWrite('export_src', TRICKY);
    const source = await rawRows('export_src');
    expect(rowCount(source)).toBe(8 + 8 + 4 + 1);

    const exported = await cli(['data', 'export', '--bucket', 'export_src']);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    // 4 points (series and time), one line per field: 21 lines.
    expect(exported.stderr).toMatch(/Exported export_src: 4 points in 21 lines/);
    const file = join(dir, 'roundtrip.lp.gz');
    writeFileSync(file, exported.stdout);
    expect(gunzipSync(readFileSync(file)).toString('utf8')).toContain('# precision=ns');

    const imported = await cliJson(['data', 'import', '--bucket', 'export_dst', file, '--yes', '--json']);
    expect(imported.json.errors).toEqual([]);
    expect(imported.code).toBe(0);
    expect(imported.json).toEqual({ dryRun: false, points: { m: 2, 'sensor data,v1=x': 2 }, lines: { m: 5, 'sensor data,v1=x': 16 }, errors: [], written: 21 });
    expect(await rawRows('export_dst')).toBe(source);
  });

  it('exports a bucket of finite retention shard group by shard group, in time order, and imports it back identical', async () => {
    await createBucket('export_src', 30 * 86_400);
    await createBucket('export_dst', 30 * 86_400);
    // HomeIQ's shape: one series per day, over ten one-day shard groups, with the tricky points today.
    const days = Array.from({ length: 10 }, (_, d) => `time_based_daily,date=d${d},entity_id=light.x occurrences=${d}i,confidence=0.5 ${at(d * 86_400 + 60)}`);
    // (TRICKY's third line holds a line break in a string field: the line check below splits on breaks.)
    await rawWrite('export_src', [...days, ...TRICKY.slice(0, 2)]);
    const source = await rawRows('export_src');

    const exported = await cli(['data', 'export', '--bucket', 'export_src']);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stderr).toMatch(/Exported export_src: 12 points in 36 lines/);
    const lines = gunzipSync(exported.stdout)
      .toString('utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'));
    const times = lines.map((l) => BigInt(l.slice(l.lastIndexOf(' ') + 1)));
    // Oldest shard group first: the time of each line is not before the shard group of the line before it.
    const day = (t: bigint) => t / 86_400_000_000_000n;
    expect(times.every((t, i) => i === 0 || day(t) >= day(times[i - 1] ?? t))).toBe(true);

    const file = join(dir, 'sliced.lp.gz');
    writeFileSync(file, exported.stdout);
    const imported = await cliJson(['data', 'import', '--bucket', 'export_dst', file, '--yes', '--json']);
    expect(imported.json.errors).toEqual([]);
    expect(imported.json.written).toBe(36);
    expect(await rawRows('export_dst')).toBe(source);
  });

  it('counts points as InfluxDB keeps them, and lines apart, on HomeIQ-shaped data: dropped fields, a point written twice', async () => {
    await createBucket('export_src');
    await createBucket('export_dst');
    // 30 entities over 3 days, as PatternAggregateClient writes them: a None field is left out, so points carry 3 to 5 fields.
    const written: string[] = [];
    const truth = new Set<string>();
    let fieldLines = 0;
    for (let d = 0; d < 3; d++) {
      for (let e = 0; e < 30; e++) {
        const fields = ['frequency=1.5', 'confidence=0.9', 'occurrences=3i', 'peak_hours="[8]"', 'hourly_distribution="[0]"'].slice(0, 3 + ((d + e) % 3));
        const series = `time_based_daily,date=2026-11-0${d + 1},domain=light,entity_id=light.room_${e}`;
        written.push(`${series} ${fields.join(',')} ${at(d * 86_400 + 60)}`);
        truth.add(`${series}@${d}`);
        fieldLines += fields.length;
      }
    }
    // The same point again with one more field: still one point, one more stored field.
    written.push(`time_based_daily,date=2026-11-01,domain=light,entity_id=light.room_0 peak_hours="[9]",hourly_distribution="[1]" ${at(60)}`);
    // room_0 on day 0 had 3 fields: peak_hours and hourly_distribution are stored as two more.
    fieldLines += 2;
    await rawWrite('export_src', written);

    const exported = await cli(['data', 'export', '--bucket', 'export_src']);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stderr).toContain(`Exported export_src: ${truth.size} points in ${fieldLines} lines`);
    const file = join(dir, 'homeiq.lp.gz');
    writeFileSync(file, exported.stdout);

    const dry = await cliJson(['data', 'import', '--bucket', 'export_dst', file, '--dry-run', '--json']);
    expect(dry.json).toMatchObject({ points: { time_based_daily: 90 }, lines: { time_based_daily: fieldLines } });
    // The same figure as `data delete --json` counts in the source (distinct series and time).
    const preview = await cli([
      'data',
      'delete',
      '--bucket',
      'export_src',
      '--measurement',
      'time_based_daily',
      '--start',
      '2000-01-01',
      '--stop',
      new Date(Date.now() + 86_400_000).toISOString(),
      '--dry-run',
      '--json',
    ]);
    expect((JSON.parse(preview.stdout.toString('utf8')) as { points: Record<string, number> }).points).toEqual(dry.json.points);
    const run = await cliJson(['data', 'import', '--bucket', 'export_dst', file, '--yes', '--json']);
    expect(run.json).toMatchObject({ points: { time_based_daily: 90 }, lines: { time_based_daily: fieldLines }, written: fieldLines });
    expect(await rawRows('export_dst')).toBe(await rawRows('export_src'));
  });

  it('exports only the measurements and the time range asked for', async () => {
    await createBucket('export_src');
    await rawWrite('export_src', TRICKY);
    const from = new Date(Number((now - 45_000_000_000n) / 1_000_000n)).toISOString();
    const exported = await cli(['data', 'export', '--bucket', 'export_src', '--measurement', 'sensor data,v1=x', '--start', from]);
    expect(exported.code, exported.stderr).toBe(0);
    const lines = gunzipSync(exported.stdout)
      .toString('utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'));
    expect(lines).toHaveLength(8);
    expect(lines.every((l) => l.startsWith('sensor\\ data\\,v1=x,') && l.endsWith(at(30)))).toBe(true);
  });

  it('refuses to write gzip to a terminal, with the fix', async () => {
    const was = Object.getOwnPropertyDescriptor(process.stdout, 'isTTY');
    Object.defineProperty(process.stdout, 'isTTY', { value: true, configurable: true });
    try {
      const r = await cli(['data', 'export', '--bucket', 'export_src']);
      expect(r.code).toBe(64);
      expect(r.stdout.length).toBe(0);
      expect(r.stderr).toMatch(/stdout is a terminal[\s\S]*Redirect it to a file/);
    } finally {
      if (was) Object.defineProperty(process.stdout, 'isTTY', was);
      else delete (process.stdout as { isTTY?: boolean }).isTTY;
    }
  });

  it('refuses a bad time with a clear message, and a missing bucket', async () => {
    const bad = await cli(['data', 'export', '--bucket', 'nope', '--start', 'yesterday']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/Start: "yesterday" is not a time: use RFC 3339/);
    const missing = await cli(['data', 'export', '--bucket', 'nope']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope/);
  });

  it('reports bad lines by line number, writes nothing without --yes (exit 2) or on a dry run, and the good lines with --yes', async () => {
    await createBucket('import_dst');
    const file = join(dir, 'bad-lines.lp');
    writeFileSync(
      file,
      ['# a comment', `good v=1 ${at(5)}`, 'bad line without fields', '', `good v=2 ${at(4)}`, `good v=oops ${at(3)}`, `other,k=v w="ok" ${at(2)}`].join('\n') +
        '\n',
    );

    const dry = await cliJson(['data', 'import', '--bucket', 'import_dst', file, '--dry-run', '--json']);
    expect(dry.code).toBe(0);
    expect(dry.json).toEqual({
      dryRun: true,
      points: { good: 2, other: 1 },
      lines: { good: 2, other: 1 },
      errors: [
        { line: 3, message: 'invalid field format' },
        { line: 6, message: 'invalid boolean' },
      ],
      written: null,
    });
    const unconfirmed = await cliJson(['data', 'import', '--bucket', 'import_dst', file, '--json']);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.json.written).toBeNull();
    expect(rowCount(await rawRows('import_dst'))).toBe(0);

    const run = await cliJson(['data', 'import', '--bucket', 'import_dst', file, '--yes', '--json']);
    expect(run.json).toMatchObject({ dryRun: false, points: { good: 2, other: 1 }, written: 3 });
    expect(run.json.errors.map((e) => e.line)).toEqual([3, 6]);
    expect(run.code).toBe(1);
    expect(rowCount(await rawRows('import_dst'))).toBe(3);
  });

  it('reports a field-type conflict with stored data in the dry run, and the lines InfluxDB refused after writing', async () => {
    await createBucket('import_dst');
    await rawWrite('import_dst', [`typed,k=a v=1i ${at(100)}`]);
    const file = join(dir, 'conflict.lp');
    writeFileSync(file, [`typed,k=b v=2.5 ${at(50)}`, `typed,k=b w=1 ${at(50)}`, `typed,k=c v=3i ${at(40)}`].join('\n'));

    const dry = await cli(['data', 'import', '--bucket', 'import_dst', file, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout.toString()).toMatch(/Type conflict: typed\.v is integer in the bucket and float from line 1/);

    const run = await cliJson(['data', 'import', '--bucket', 'import_dst', file, '--yes', '--json']);
    expect(run.code).toBe(1);
    expect(run.json.written).toBe(2);
    expect(run.json.errors).toHaveLength(1);
    expect(run.json.errors[0]?.line).toBe(1);
    expect(run.json.errors[0]?.message).toMatch(/field type conflict/);
    expect(rowCount(await rawRows('import_dst'))).toBe(3);
  });

  it('reads gzipped files and the precision they name, and skips points older than the retention', async () => {
    await createBucket('import_dst', 3_600);
    const ms = (secondsAgo: number) => String(BigInt(Date.now()) - BigInt(secondsAgo) * 1_000n);
    const file = join(dir, 'ms.lp.gz');
    const { gzipSync } = await import('node:zlib');
    writeFileSync(file, gzipSync([`# precision=ms`, `p v=1 ${ms(10)}`, `p v=2 ${ms(7_200)}`].join('\n')));
    const run = await cliJson(['data', 'import', '--bucket', 'import_dst', file, '--yes', '--json']);
    expect(run.json.written).toBe(1);
    expect(run.json.errors).toHaveLength(1);
    expect(run.json.errors[0]).toMatchObject({ line: 3 });
    expect(run.json.errors[0]?.message).toMatch(/older than the bucket's retention/);
    const csv = await rawRows('import_dst');
    expect(rowCount(csv)).toBe(1);
    expect(csv).toMatch(/,1,v,p/);
  });

  it('imports from the browser: chunks in order, a dry run, a mistyped name refused with the file kept, then written, audited and removed', async () => {
    const id = await createBucket('import_dst');
    const bytes = gzipSync([`up,k=a v=1 ${at(5)}`, `up,k=a v=2 ${at(4)}`, 'broken'].join('\n'));
    const { importId, chunkBytes } = unwrap(await startUpload({ bucketId: id, size: bytes.length, fileName: 'up.lp.gz' }));
    expect(chunkBytes).toBeLessThan(1024 * 1024);
    const half = Math.floor(bytes.length / 2);
    unwrap(await receiveChunk(importId, 0, bytes.subarray(0, half)));
    const twice = await receiveChunk(importId, 0, bytes.subarray(0, half));
    expect(twice.ok || twice.error.code).toBe('conflict');
    unwrap(await receiveChunk(importId, half, bytes.subarray(half)));

    const checked = unwrap(await checkUpload(importId));
    expect(checked).toMatchObject({ dryRun: true, points: { up: 2 }, errors: [{ line: 3, message: 'missing fields' }], written: null, fileName: 'up.lp.gz' });
    const wrong = await writeUpload(importId, { confirmName: 'import_ds' }, ADMIN, () => undefined);
    expect(wrong.ok || wrong.error.fields?.confirmName).toBe('Type import_dst to confirm.');
    expect(rowCount(await rawRows('import_dst'))).toBe(0);

    const progress: ImportProgress[] = [];
    const done = unwrap(await writeUpload(importId, { confirmName: 'import_dst' }, ADMIN, (p) => progress.push(p)));
    expect(done.written).toBe(2);
    expect(progress.at(-1)).toEqual({ sent: 2, refused: 0, readBytes: bytes.length, fileBytes: bytes.length });
    expect(rowCount(await rawRows('import_dst'))).toBe(2);
    const again = await checkUpload(importId);
    expect(again.ok || again.error.code).toBe('not_found');
    expect(readAudit({ action: 'data.import', bucket: 'import_dst' })[0]).toMatchObject({ role: 'admin', result: 'ok', after: { written: 2, errors: 1 } });
  });

  it('an export whose download went away is reported as stopped and audit-logged, with the range it covered', async () => {
    await createBucket('export_src');
    await rawWrite('export_src', TRICKY);
    const plan = unwrap(await planExport({ bucket: 'export_src', measurements: ['m'], start: '2000-01-01' }));
    const gone = new AbortController();
    gone.abort();
    const sink = new Writable({ write: (_c, _e, done) => done() });
    const result = await runExport(plan, ADMIN, sink, { signal: gone.signal });
    expect(result.ok || result.error.message).toMatch(/^The export of export_src was stopped after 0 points \(0 lines\): the download was cancelled\.$/);
    const complete = await runExport(plan, ADMIN, new Writable({ write: (_c, _e, done) => done() }));
    // m at(10): one point of four fields (m,t=2 is from 1970, before the range).
    expect(complete.ok && [complete.data.points, complete.data.lines]).toEqual([1, 4]);
    const [last, first] = readAudit({ action: 'data.export', bucket: 'export_src' });
    expect(first).toMatchObject({ result: 'failed' });
    expect(last).toMatchObject({ result: 'ok', after: { measurements: ['m'], start: '2000-01-01T00:00:00Z', points: 1, lines: 4 } });
  });

  describe('through the routes the screens call', () => {
    const cookies = { admin: '', viewer: '' };
    beforeAll(async () => {
      process.env.CONSOLE_VIEWER_PASSWORD ??= 'integration-viewer-password';
      await ensureAdminPassword();
      cookies.admin = `${SESSION_COOKIE}=${await startSession('admin')}`;
      cookies.viewer = `${SESSION_COOKIE}=${await startSession('viewer')}`;
    });
    const req = (path: string, cookie: string, init: RequestInit = {}) =>
      new Request(`http://console.test${path}`, { ...init, headers: { cookie, ...(init.headers ?? {}) } });

    it('downloads the export as gzip for the admin and the viewer alike (it changes nothing), and never a bucket of another organization', async () => {
      const id = await createBucket('export_src');
      await rawWrite('export_src', TRICKY);
      const viewer = await exportRoute(req(`/api/data/export?bucket=${id}`, cookies.viewer));
      expect(viewer.status).toBe(200);
      expect(viewer.headers.get('content-type')).toBe('application/gzip');
      await viewer.arrayBuffer();
      const org = (await (await rawApi('/api/v2/orgs', { method: 'POST', body: JSON.stringify({ name: 'other-org-export' }) })).json()) as { id: string };
      try {
        const theirs = (await (
          await rawApi('/api/v2/buckets', { method: 'POST', body: JSON.stringify({ orgID: org.id, name: 'theirs', retentionRules: [] }) })
        ).json()) as { id: string };
        const foreign = await exportRoute(req(`/api/data/export?bucket=${theirs.id}`, cookies.admin));
        expect(foreign.status).toBe(404);
        expect(await foreign.text()).not.toContain('theirs');
      } finally {
        await rawApi(`/api/v2/orgs/${org.id}`, { method: 'DELETE' });
      }
      const res = await exportRoute(req(`/api/data/export?bucket=${id}&measurement=m`, cookies.admin));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/gzip');
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="export_src-\d{4}-\d{2}-\d{2}\.lp\.gz"$/);
      const text = gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8');
      expect(text.split('\n').filter((l) => l.startsWith('m,'))).toHaveLength(5);
    });

    it('uploads in chunks, answers the dry run, and streams the write’s progress as JSON lines', async () => {
      const id = await createBucket('import_dst');
      const file = Buffer.from([`r v=1i ${at(3)}`, `r v=2i ${at(2)}`].join('\n'));
      const started = await startRoute(
        req(`/api/data/import?bucket=${id}`, cookies.admin, { method: 'POST', body: JSON.stringify({ size: file.length, fileName: 'r.lp' }) }),
      );
      const { data } = (await started.json()) as { data: { importId: string } };
      const viewerChunk = await chunkRoute(req(`/api/data/import/${data.importId}?offset=0`, cookies.viewer, { method: 'POST', body: file }));
      expect(viewerChunk.status).toBe(403);
      expect((await chunkRoute(req(`/api/data/import/${data.importId}?offset=0`, cookies.admin, { method: 'POST', body: file }))).status).toBe(200);
      const checked = (await (await checkRoute(req(`/api/data/import/${data.importId}/check`, cookies.admin, { method: 'POST' }))).json()) as {
        data: { points: Record<string, number>; written: null };
      };
      expect(checked.data).toMatchObject({ points: { r: 2 }, written: null });
      const written = await writeRoute(
        req(`/api/data/import/${data.importId}/write`, cookies.admin, { method: 'POST', body: JSON.stringify({ confirmName: 'import_dst' }) }),
      );
      const events = (await written.text())
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { type: string; report?: { written: number } });
      expect(events.map((e) => e.type)).toEqual(['progress', 'done']);
      expect(events.at(-1)?.report?.written).toBe(2);
      expect(rowCount(await rawRows('import_dst'))).toBe(2);
    });
  });

  it('writes a compressed batch held as bytes and finds, by line number, the lines InfluxDB refused in it', async () => {
    await createBucket('import_dst');
    await rawWrite('import_dst', [`typed v=1i ${at(100)}`]);
    const batch = new LineBatch(300);
    // 300 lines (well past the size that is sent gzipped), two of them clashing with the stored integer type.
    for (let i = 0; i < 300; i++) batch.add(1_000 + i, i === 123 || i === 250 ? `typed v=${i}.5 ${at(90)}` : `other,k=é${i} v=${i}i ${at(90)}`);
    const refused = await writeRawBatch('import_dst', batch, 'ns', connection());
    expect(refused.map((r) => r.line)).toEqual([1_123, 1_250]);
    expect(refused[0]?.message).toMatch(/field type conflict/);
    expect(rowCount(await rawRows('import_dst'))).toBe(1 + 298);
  });

  it('retries writes InfluxDB answers with 503 or 429, or not at all, and then writes them', async () => {
    await createBucket('import_dst');
    const target = new URL(process.env.INFLUXDB_URL ?? '');
    // In front of the real influxd: the first three writes fail (503, 429, a dropped connection), the rest pass through.
    const faults = ['503', '429', 'drop'];
    const seen: string[] = [];
    const proxy = createServer((req: IncomingMessage, res: ServerResponse) => {
      const fault = req.url?.startsWith('/api/v2/write') ? faults.shift() : undefined;
      if (fault) seen.push(fault);
      if (fault === 'drop') return req.socket.destroy();
      if (fault) {
        res.writeHead(Number(fault), { 'Content-Type': 'application/json', 'Retry-After': '0' });
        return res.end(JSON.stringify({ code: 'unavailable', message: 'try later' }));
      }
      const upstream = httpRequest({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      const conn = connection({ url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, token: process.env.INFLUXDB_TOKEN ?? '', org: ORG() });
      const refused = await writeRawBatch('import_dst', [{ line: 1, text: `retried v=1 ${at(1)}` }], 'ns', conn, {
        retries: 5,
        baseDelayMs: 10,
        maxDelayMs: 50,
      });
      expect(refused).toEqual([]);
      expect(seen).toEqual(['503', '429', 'drop']);
      expect(rowCount(await rawRows('import_dst'))).toBe(1);
      faults.push('503', '503');
      const gaveUp = writeRawBatch('import_dst', [{ line: 1, text: `retried v=2 ${at(1)}` }], 'ns', conn, { retries: 1, baseDelayMs: 10, maxDelayMs: 50 });
      await expect(gaveUp).rejects.toThrow(/InfluxDB answered with an error \(503\)/);
    } finally {
      proxy.closeAllConnections();
      proxy.close();
    }
  });
});
