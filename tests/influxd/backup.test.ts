import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '@/lib/auth/actor';
import { readAudit } from '@/lib/audit/log';
import { createBackup } from '@/lib/use-cases/create-backup';
import { sampleRows, type RowSample } from '@/lib/backup/drill';
import { connection } from '@/lib/influx/client';
import { listBackups } from '@/lib/use-cases/list-backups';
import { rawBucketId, rawInfluxql, rawOrgId, rawSeedBucket } from '../support/raw-buckets';
import { rawApi, resetBuckets } from '../support/reset';
import { temporaryBackupDir } from '../support/backup-dir';
import { captureCli } from '../support/cli';
import { rawNonOperatorToken } from '../support/raw-tokens';
import { unwrap } from '../support/unwrap';

/**
 * Backups through InfluxDB's backup API, in influx-cli's layout: HomeIQ's daily aggregates over 90
 * days, a field written as integer in old shard groups and as float in recent ones; backed up,
 * the bucket deleted, restored under its old name and a new one: counts and every raw row equal.
 */
const BUCKET = 'backup_src';
const DAY = 86_400_000;
const today = Math.floor(Date.now() / DAY) * DAY;
const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const entities = ['light.kitchen', 'light.hall', 'switch.fan', 'sensor.door'];

/** The fields each measurement carries, and the types they may have: what the raw read asks for. */
const FIELDS: Record<string, string[]> = {
  time_based_daily: ['hourly_distribution', 'frequency', 'confidence', 'occurrences'],
  anomaly_daily: ['anomaly_score', 'occurrences', 'severity'],
};
const TYPES = ['integer', 'float', 'string', 'boolean'];

/** HomeIQ's wire format, 90 days: `frequency` an integer before day 60, absent days 46-59, a float after. */
function daily(): string[] {
  const lines: string[] = [];
  for (let d = 1; d <= 90; d++) {
    const at = today - d * DAY;
    for (const [i, e] of entities.entries()) {
      const frequency = d >= 60 ? `,frequency=${d}i` : d <= 45 ? `,frequency=${d}.25` : '';
      const confidence = i % 3 === 0 ? '' : ',confidence=0.9';
      lines.push(
        `time_based_daily,date=${date(at)},domain=${e.split('.')[0]},entity_id=${e} hourly_distribution="[0,1,2]",occurrences=${i + d}i${frequency}${confidence} ${at}000000`,
      );
      if ((d + i) % 4 === 0)
        lines.push(`anomaly_daily,date=${date(at)},entity_id=${e},anomaly_type=spike anomaly_score=0.${d},occurrences=${i}i,severity="high" ${at}000000`);
    }
  }
  return lines;
}

function createSource(): Promise<void> {
  const retentionRules = [{ type: 'expire' as const, everySeconds: 90 * 86_400 + 7 * 86_400, shardGroupDurationSeconds: 7 * 86_400 }];
  return rawSeedBucket({ name: BUCKET, retentionRules }, daily());
}

/** Every raw value as InfluxQL reads it, one query per field and type (a shard answers only for its own type). */
async function rawRows(bucket: string): Promise<string[]> {
  const out: string[] = [];
  for (const [m, fields] of Object.entries(FIELDS)) {
    for (const f of fields) {
      for (const type of TYPES) {
        const q = `SELECT *::tag, "${f}"::${type} FROM "${m}" WHERE time >= 0`;
        for (const s of await rawInfluxql(bucket, q))
          for (const row of s.values)
            if (row.at(-1) !== null) out.push(`${m}|${f}::${type}|${s.columns.map((c, i) => `${c}=${JSON.stringify(row[i])}`).join(',')}`);
      }
    }
  }
  return out.sort();
}

/** Passes a request on to influxd as it came, and its answer back. */
function forward(req: IncomingMessage, res: ServerResponse, target: string): void {
  const up = request(new URL(req.url ?? '/', target), { method: req.method, headers: req.headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  req.pipe(up);
}

/** Starts a proxy on a free local port: its URL. */
async function listening(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/**
 * InfluxDB behind a proxy that cuts the connection half-way through the `cutAt`-th shard it
 * sends: what a backup sees when influxd stops mid-way.
 */
async function cuttingProxy(target: string, cutAt: number): Promise<{ url: string; server: Server }> {
  let shards = 0;
  const server = createServer((req, res) => {
    const cut = req.url?.startsWith('/api/v2/backup/shards/') && ++shards === cutAt;
    const up = request(new URL(req.url ?? '/', target), { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      if (!cut) return void answer.pipe(res);
      answer.once('data', (chunk: Buffer) => {
        res.write(chunk.subarray(0, Math.ceil(chunk.length / 2)));
        setTimeout(() => res.socket?.destroy(), 50);
      });
    });
    req.pipe(up);
  });
  return { url: await listening(server), server };
}

/**
 * InfluxDB behind a proxy that answers the first `times` requests for the second shard asked for
 * with an empty archive (a gzipped tar of its end blocks, 200): what influxd sends when it backs up a
 * shard whose cache it could not write out ("Snapshotter busy: proceeding without cache contents").
 */
async function emptyingProxy(target: string, times: number): Promise<{ url: string; server: Server; emptied(): number }> {
  const shards: string[] = [];
  let emptied = 0;
  const server = createServer((req, res) => {
    const shard = /^\/api\/v2\/backup\/shards\/(\d+)/.exec(req.url ?? '')?.[1];
    if (shard && !shards.includes(shard)) shards.push(shard);
    if (shard && shard === shards[1] && emptied < times) {
      emptied++;
      const body = gzipSync(Buffer.alloc(1024));
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Encoding': 'gzip', 'Content-Length': body.length });
      res.end(body);
      req.resume();
      return;
    }
    forward(req, res, target);
  });
  return { url: await listening(server), server, emptied: () => emptied };
}

/**
 * A proxy to influxd that reports, in the first /metrics scrape after the first shard was sent, that
 * shard's WAL as still holding data: what /metrics shows after influxd sent a shard without the cache
 * its own compaction was writing out. Counts how often each shard was asked for.
 */
async function movingProxy(target: string): Promise<{ url: string; server: Server; asked(): ReadonlyMap<string, number>; moved(): string | null }> {
  const asked = new Map<string, number>();
  let first: string | null = null;
  let reported = false;
  const server = createServer((req, res) => {
    const shard = /^\/api\/v2\/backup\/shards\/(\d+)/.exec(req.url ?? '')?.[1];
    if (shard) {
      asked.set(shard, (asked.get(shard) ?? 0) + 1);
      first ??= shard;
    }
    if (!(req.url ?? '').startsWith('/metrics') || first === null || reported) return forward(req, res, target);
    const up = request(new URL(req.url ?? '/', target), { method: req.method, headers: { ...req.headers, 'accept-encoding': 'identity' } }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (c: Buffer) => chunks.push(c));
      answer.on('end', () => {
        reported = true;
        const text = Buffer.concat(chunks)
          .toString('utf8')
          .replace(new RegExp(`^(storage_wal_size\\{[^}]*\\bid="${first}"[^}]*\\}) 0$`, 'm'), '$1 4096');
        const headers = { ...answer.headers, 'content-length': String(Buffer.byteLength(text)) };
        delete headers['content-encoding'];
        delete headers['transfer-encoding'];
        res.writeHead(answer.statusCode ?? 502, headers);
        res.end(text);
      });
    });
    req.pipe(up);
  });
  return { url: await listening(server), server, asked: () => asked, moved: () => (reported ? first : null) };
}

/**
 * InfluxDB behind a proxy that goes away at the `cutAt`-th shard restore it forwards (that request's
 * connection cut, then every later one refused; with `stays: 'up'` only that one): influxd stopping part-way through a restore.
 */
async function stoppingProxy(target: string, cutAt: number, stays: 'down' | 'up' = 'down'): Promise<{ url: string; server: Server }> {
  let shards = 0;
  let down = false;
  const server = createServer((req, res) => {
    const cut = req.url?.startsWith('/api/v2/restore/shards/') && ++shards === cutAt;
    if (cut && stays === 'down') down = true;
    if (down || cut) {
      req.resume();
      res.socket?.destroy();
      return;
    }
    forward(req, res, target);
  });
  return { url: await listening(server), server };
}

/** Runs `fn` with the console talking to InfluxDB through `proxy`, then points it back at influxd and closes the proxy. */
async function viaProxy<T>(proxy: { url: string; server: Server }, fn: () => Promise<T>): Promise<T> {
  const real = process.env.INFLUXDB_URL ?? '';
  process.env.INFLUXDB_URL = proxy.url;
  try {
    return await fn();
  } finally {
    process.env.INFLUXDB_URL = real;
    await new Promise((resolve) => proxy.server.close(resolve));
  }
}

/** influxd's own address (the proxies' target). */
const influxd = () => process.env.INFLUXDB_URL ?? '';

/** The records createSource writes: one a day per entity over 90 days, and the anomalies. */
const everyRecord = () => 90 * entities.length + daily().filter((l) => l.startsWith('anomaly_daily')).length;

const cli = captureCli;

const backups = temporaryBackupDir('console-backups-');

describe("backups in influx backup's layout, restored into new buckets", () => {
  beforeEach(async () => {
    await resetBuckets();
    await createSource();
  });
  afterEach(resetBuckets);

  it('backs up, and after the bucket is deleted restores it under its old name and a new one with every count and raw row equal', async () => {
    const before = await rawRows(BUCKET);
    expect(
      before.some((r) => r.includes('frequency::integer')) && before.some((r) => r.includes('frequency::float')),
      'frequency has two types across shard groups',
    ).toBe(true);

    const created = await cli(['backup', 'create', '--bucket', BUCKET, '--json']);
    expect(created.code, created.stderr).toBe(0);
    // Long work shows progress on stderr (a line per tenth off a terminal), the JSON alone on stdout.
    expect(created.stderr).toMatch(/^Backing up: shards \[#{30}\] 100% (\d+)\/\1$/m);
    expect(created.stderr).toMatch(new RegExp(`^Counting the records of ${BUCKET} \\(slices not counted yet\\) \\[#{30}\\] 100% (\\d+)/\\1$`, 'm'));
    const backup = created.json as { id: string; dir: string; bytes: number; buckets: { name: string; records: number }[] };
    expect(Object.keys(backup).sort()).toEqual(['buckets', 'bytes', 'dir', 'id']);
    const expected = everyRecord();
    expect(backup.buckets).toEqual([{ name: BUCKET, records: expected }]);
    expect(backup.dir).toBe(join(backups, backup.id));

    // influx-cli's layout: <id>.manifest (version 2), <id>.bolt.gz, <id>.sqlite.gz, <id>.<shard>.tar.gz.
    const files = readdirSync(backup.dir).sort();
    expect(files).toContain(`${backup.id}.manifest`);
    expect(files).toContain(`${backup.id}.bolt.gz`);
    expect(files).toContain('console-manifest.json');
    expect(files.filter((f) => /^\d{8}T\d{6}Z\.\d+\.tar\.gz$/.test(f)).length).toBeGreaterThanOrEqual(13);
    const manifest = JSON.parse(readFileSync(join(backup.dir, `${backup.id}.manifest`), 'utf8')) as {
      manifestVersion: number;
      kv: { fileName: string; compression: number };
      buckets: {
        bucketName: string;
        retentionPolicies: { shardGroups: { shards: { id: number; fileName: string; size: number; compression: number }[] }[] }[];
      }[];
    };
    expect(manifest.manifestVersion).toBe(2);
    expect(manifest.kv).toMatchObject({ fileName: `${backup.id}.bolt.gz`, compression: 1 });
    expect(manifest.buckets.map((b) => b.bucketName)).toEqual([BUCKET]);
    for (const shard of manifest.buckets[0]?.retentionPolicies[0]?.shardGroups.flatMap((g) => g.shards) ?? []) {
      expect(shard).toMatchObject({ fileName: `${backup.id}.${shard.id}.tar.gz`, compression: 1 });
      expect(shard.size).toBe(readFileSync(join(backup.dir, shard.fileName)).length);
    }
    expect(
      readdirSync(backups).filter((f) => f.startsWith('.partial-')),
      'nothing partial left',
    ).toEqual([]);

    const listed = await cli(['backup', 'list', '--json']);
    expect(listed.code).toBe(0);
    expect(listed.json).toEqual([{ id: backup.id, createdAt: expect.any(String), bytes: backup.bytes, buckets: [BUCKET], verified: null }]);

    const id = await rawBucketId(BUCKET);
    expect((await rawApi(`/api/v2/buckets/${id}`, { method: 'DELETE' })).status).toBe(204);

    const asOld = await cli(['backup', 'restore', backup.id, '--bucket', BUCKET, '--as', BUCKET, '--json']);
    expect(asOld.code, asOld.stderr).toBe(0);
    expect(asOld.json).toEqual({ bucket: BUCKET, records: expected, verified: true });
    expect(await rawRows(BUCKET)).toEqual(before);

    const asNew = await cli(['backup', 'restore', backup.id, '--bucket', BUCKET, '--as', 'backup_restored', '--json']);
    expect(asNew.code, asNew.stderr).toBe(0);
    expect(asNew.json).toEqual({ bucket: 'backup_restored', records: expected, verified: true });
    expect(asNew.stderr).toMatch(new RegExp(`^Restoring ${BUCKET} as backup_restored: shard groups \\[#{30}\\] 100% (\\d+)/\\1$`, 'm'));
    expect(asNew.stderr).toMatch(/^Counting every record of backup_restored: shard groups \[#{30}\] 100% (\d+)\/\1$/m);
    expect(await rawRows('backup_restored')).toEqual(before);

    const again = await cli(['backup', 'restore', backup.id, '--bucket', BUCKET, '--as', 'backup_restored']);
    expect(again.code, 'a restore never writes into an existing bucket').toBe(1);
    expect(again.stderr).toContain('Bucket backup_restored exists');
  });

  it("restores over an existing bucket only with its name typed, after backing up its current state, verified before it takes the bucket's place", async () => {
    const original = await rawRows(BUCKET);
    const backup = unwrap(await createBackup({ buckets: [BUCKET] }, CLI_ACTOR));
    // The bucket moves on after the backup: an extra entity on the last ten days.
    const extra = Array.from(
      { length: 10 },
      (_, d) =>
        `time_based_daily,date=${date(today - (d + 1) * DAY)},domain=light,entity_id=light.porch occurrences=${d}i,frequency=${d}.5 ${today - (d + 1) * DAY}000000`,
    );
    expect(
      (
        await rawApi(`/api/v2/write?org=homeiq&bucket=${BUCKET}&precision=ns`, {
          method: 'POST',
          body: extra.join('\n'),
          headers: { 'Content-Type': 'text/plain' },
        })
      ).status,
    ).toBe(204);
    const current = await rawRows(BUCKET);
    expect(current.length).toBeGreaterThan(original.length);
    const listedBefore = unwrap(await listBackups()).map((b) => b.id);

    const unconfirmed = await cli(['backup', 'restore', backup.id, '--bucket', BUCKET, '--as', BUCKET, '--replace']);
    expect(unconfirmed.code, 'usage: --replace needs --confirm').toBe(64);
    expect(unconfirmed.stderr).toContain(`--confirm ${BUCKET}`);
    const mistyped = await cli(['backup', 'restore', backup.id, '--bucket', BUCKET, '--as', BUCKET, '--replace', '--confirm', 'backup_sr']);
    expect(mistyped.code).toBe(1);
    expect(mistyped.stderr).toContain(`Type the bucket name "${BUCKET}" exactly to confirm`);
    const absent = await cli(['backup', 'restore', backup.id, '--bucket', BUCKET, '--as', 'no_such_bucket', '--replace', '--confirm', 'no_such_bucket']);
    expect(absent.code).toBe(1);
    expect(absent.stderr).toContain('There is no bucket no_such_bucket to restore over');
    expect(await rawRows(BUCKET), 'nothing changed by a refused replace').toEqual(current);
    expect(
      unwrap(await listBackups()).map((b) => b.id),
      'and no backup taken',
    ).toEqual(listedBefore);

    const replaced = await cli(['backup', 'restore', backup.id, '--bucket', BUCKET, '--as', BUCKET, '--replace', '--confirm', BUCKET, '--json']);
    expect(replaced.code, replaced.stderr).toBe(0);
    const out = replaced.json as { bucket: string; records: number; verified: boolean; backup: { id: string; dir: string; restore: string } };
    const expected = everyRecord();
    expect(out).toEqual({
      bucket: BUCKET,
      records: expected,
      verified: true,
      backup: {
        id: expect.stringMatching(/^\d{8}T\d{6}Z/),
        dir: join(backups, out.backup.id),
        restore: `homeiq-console backup restore ${out.backup.id} --bucket ${BUCKET} --as ${BUCKET}_restored`,
      },
    });
    expect(await rawRows(BUCKET), 'every raw row as backed up').toEqual(original);
    const names = ((await (await rawApi(`/api/v2/buckets?orgID=${await rawOrgId('homeiq')}&limit=100`)).json()) as { buckets: { name: string }[] }).buckets.map(
      (b) => b.name,
    );
    expect(
      names.filter((n) => n.includes('_restoring_')),
      'no staging bucket left',
    ).toEqual([]);

    const audit = readAudit({ action: 'backup.restore', bucket: BUCKET, limit: 1 })[0];
    expect(audit?.after).toEqual({ from: { backup: backup.id, bucket: BUCKET }, records: expected, verified: true, replaced: true, backup: out.backup.id });
    expect(unwrap(await listBackups()).map((b) => b.id)).toContain(out.backup.id);

    // The backup taken first holds the state that was replaced: restored as a new bucket, it gives it back.
    const back = await cli(['backup', 'restore', out.backup.id, '--bucket', BUCKET, '--as', 'backup_before_replace', '--json']);
    expect(back.code, back.stderr).toBe(0);
    expect(await rawRows('backup_before_replace')).toEqual(current);
  });

  it('says "not verified" and exits 1 when the restored counts differ from those recorded at backup time, naming the measurement', async () => {
    const created = await cli(['backup', 'create', '--bucket', BUCKET, '--json']);
    expect(created.code, created.stderr).toBe(0);
    const backup = created.json as { id: string; dir: string };
    // The counts at backup time as if one anomaly had been written just before the snapshot: the restored copy holds one fewer.
    const file = join(backup.dir, 'console-manifest.json');
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as { buckets: { records: number; measurements: Record<string, number> }[] };
    const entry = manifest.buckets[0];
    if (!entry) throw new Error('the console manifest lists no bucket');
    const anomalies = entry.measurements.anomaly_daily ?? 0;
    expect(anomalies).toBe(daily().filter((l) => l.startsWith('anomaly_daily')).length);
    entry.measurements.anomaly_daily = anomalies + 1;
    entry.records += 1;
    writeFileSync(file, JSON.stringify(manifest, null, 2));

    const restored = await cli(['backup', 'restore', backup.id, '--bucket', BUCKET, '--as', 'backup_counted', '--json']);
    expect(restored.code, 'counts that differ fail the restore').toBe(1);
    expect(restored.json).toEqual({ bucket: 'backup_counted', records: entry.records - 1, verified: false });
    const text = await cli(['backup', 'restore', backup.id, '--bucket', BUCKET, '--as', 'backup_counted_2']);
    expect(text.code).toBe(1);
    expect(text.stdout + text.stderr).toContain(`anomaly_daily has ${anomalies} records, ${anomalies + 1} were backed up`);
  });

  it('passes the restore drill on a good backup, and fails it naming the shard file altered on a corrupted one', async () => {
    const backup = unwrap(await createBackup({ buckets: [BUCKET] }, CLI_ACTOR));
    const good = await cli(['backup', 'verify', backup.id, '--json']);
    expect(good.code, good.stderr).toBe(0);
    expect(good.json).toEqual({ ok: true, detail: expect.stringContaining('equal to the backup') });
    expect((good.json as { detail: string }).detail).toMatch(/; the [\d,]+ raw rows of \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d identical/);
    const buckets = await rawApi(`/api/v2/buckets?orgID=${await rawOrgId('homeiq')}&limit=100`);
    expect(
      ((await buckets.json()) as { buckets: { name: string }[] }).buckets.filter((b) => b.name.includes('restore_drill')),
      'the scratch bucket is deleted',
    ).toEqual([]);
    expect(((await cli(['backup', 'list', '--json'])).json as { id: string; verified: boolean | null }[]).find((b) => b.id === backup.id)?.verified).toBe(true);

    const shard =
      readdirSync(backup.dir)
        .filter((f) => f.endsWith('.tar.gz'))
        .sort()[0] ?? '';
    const bytes = readFileSync(join(backup.dir, shard));
    bytes[Math.floor(bytes.length / 2)] = (bytes[Math.floor(bytes.length / 2)] ?? 0) ^ 0xff;
    writeFileSync(join(backup.dir, shard), bytes);
    const bad = await cli(['backup', 'verify', backup.id, '--json']);
    expect(bad.code).toBe(1);
    expect(bad.json).toEqual({ ok: false, detail: expect.stringContaining(shard) });
    expect(((await cli(['backup', 'list', '--json'])).json as { id: string; verified: boolean | null }[]).find((b) => b.id === backup.id)?.verified).toBe(
      false,
    );
    const restore = await cli(['backup', 'restore', backup.id, '--bucket', BUCKET, '--as', 'from_damaged']);
    expect(restore.code).toBe(1);
    expect(restore.stderr).toContain(shard);
    expect(await rawBucketId('from_damaged'), 'a damaged backup creates no bucket').toBeNull();
  });

  // `influx restore` reads a console backup: run when HOMEIQ_INFLUX_CLI names an influx binary (influx-cli 2.x).
  it.skipIf(!process.env.HOMEIQ_INFLUX_CLI)('is restored by `influx restore --bucket --new-bucket` with every raw row equal', async () => {
    const before = await rawRows(BUCKET);
    const backup = unwrap(await createBackup({ buckets: [BUCKET] }, CLI_ACTOR));
    execFileSync(
      process.env.HOMEIQ_INFLUX_CLI ?? 'influx',
      [
        'restore',
        backup.dir,
        '--host',
        process.env.INFLUXDB_URL ?? '',
        '--token',
        process.env.INFLUXDB_TOKEN ?? '',
        '--bucket',
        BUCKET,
        '--new-bucket',
        'restored_by_influx',
      ],
      { stdio: 'pipe' },
    );
    expect(await rawRows('restored_by_influx')).toEqual(before);
  });

  it('lists nothing and leaves no file when influxd goes away in the middle of a shard', async () => {
    const out = mkdtempSync(join(tmpdir(), 'console-backups-cut-'));
    const proxy = await cuttingProxy(influxd(), 3);
    await viaProxy(proxy, async () => {
      const result = await cli(['backup', 'create', '--bucket', BUCKET, '--out', out]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^error: InfluxDB unreachable: .* The backup was abandoned: nothing of it was kept\.$/m);
    });
    expect(readdirSync(out), 'no partial folder, no file').toEqual([]);
    expect(unwrap(await listBackups({ dir: out })), 'nothing listed').toEqual([]);
  });

  it('asks again for a shard InfluxDB sent without its data (snapshotter busy), and fails clearly, keeping nothing, when it never comes', async () => {
    const once = await emptyingProxy(influxd(), 1);
    let id = '';
    await viaProxy(once, async () => {
      const result = await cli(['backup', 'create', '--bucket', BUCKET, '--json']);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toContain('backup: InfluxDB sent a shard without its data, asking again');
      id = (result.json as { id: string }).id;
    });
    expect(once.emptied(), 'one empty answer was sent').toBe(1);
    const restored = await cli(['backup', 'restore', id, '--bucket', BUCKET, '--as', 'backup_after_retry', '--json']);
    expect(restored.json, 'the shard asked again holds its data: every record restored').toEqual({
      bucket: 'backup_after_retry',
      records: everyRecord(),
      verified: true,
    });

    const out = mkdtempSync(join(tmpdir(), 'console-backups-empty-'));
    const always = await emptyingProxy(influxd(), 100);
    await viaProxy(always, async () => {
      const result = await cli(['backup', 'create', '--bucket', BUCKET, '--out', out]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/without its data 4 times, though that range holds data.*The backup was abandoned: nothing of it was kept\./);
      expect(result.stderr).toContain('Back up again in a minute');
    });
    expect(readdirSync(out), 'no partial folder, no file').toEqual([]);
  });

  it('reads again a shard whose cache still held data after it was read (by /metrics), and the backup restores whole', async () => {
    // A first backup writes every shard's cache out (the data was just written): in the next, nothing moves but what the proxy reports.
    unwrap(await createBackup({ buckets: [BUCKET] }, CLI_ACTOR));
    const proxy = await movingProxy(influxd());
    let id = '';
    await viaProxy(proxy, async () => {
      const result = await cli(['backup', 'create', '--bucket', BUCKET, '--json']);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toContain('backup: reading again shards whose cache or files moved while they were read');
      id = (result.json as { id: string }).id;
    });
    const moved = proxy.moved();
    expect(moved, 'a scrape reported a shard still holding data').not.toBeNull();
    // Read again until it held still: its WAL emptying between two reads is a move too (counted conservatively).
    const asked = [...proxy.asked()];
    expect(asked.find(([shard]) => shard === moved)?.[1], 'that shard was read again').toBeGreaterThanOrEqual(2);
    expect(
      asked.filter(([shard]) => shard !== moved).every(([, n]) => n === 1),
      'every other shard was read once',
    ).toBe(true);
    expect(asked.length, 'every shard of the bucket was read').toBeGreaterThanOrEqual(13);
    const restored = await cli(['backup', 'restore', id, '--bucket', BUCKET, '--as', 'backup_after_reread', '--json']);
    expect(restored.json).toEqual({
      bucket: 'backup_after_reread',
      records: everyRecord(),
      verified: true,
    });
  });

  it('says which bucket a restore stopped part-way by influxd going away left behind, and how to remove it', async () => {
    const backup = unwrap(await createBackup({ buckets: [BUCKET] }, CLI_ACTOR));
    const proxy = await stoppingProxy(influxd(), 4);
    const result = await viaProxy(proxy, () => cli(['backup', 'restore', backup.id, '--bucket', BUCKET, '--as', 'backup_cut']));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('InfluxDB unreachable');
    expect(result.stderr).toContain('The restore stopped part-way, and the bucket backup_cut could not be removed: it may hold part of the backup.');
    expect(result.stderr).toContain('homeiq-console buckets delete backup_cut --yes --no-backup');
    // InfluxDB is back: the bucket is there, part-restored, and the command given removes it; the restore then succeeds.
    expect(await rawBucketId('backup_cut')).not.toBeNull();
    const removed = await cli(['buckets', 'delete', 'backup_cut', '--yes', '--no-backup']);
    expect(removed.code, removed.stderr).toBe(0);
    expect(await rawBucketId('backup_cut')).toBeNull();
    const again = await cli(['backup', 'restore', backup.id, '--bucket', BUCKET, '--as', 'backup_cut', '--json']);
    expect(again.json).toMatchObject({ bucket: 'backup_cut', verified: true });
  });

  it('removes the bucket of a restore whose connection was cut while InfluxDB still answers', async () => {
    const backup = unwrap(await createBackup({ buckets: [BUCKET] }, CLI_ACTOR));
    // The connection of the fourth shard is cut; every other request goes through (a network blip).
    const proxy = await stoppingProxy(influxd(), 4, 'up');
    const result = await viaProxy(proxy, () => cli(['backup', 'restore', backup.id, '--bucket', BUCKET, '--as', 'backup_blip']));
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain('could not be removed');
    expect(await rawBucketId('backup_blip'), 'the half-restored bucket was removed').toBeNull();
  });

  it('never sends a file outside the backup folder, whatever its manifests were edited to name', async () => {
    const backup = unwrap(await createBackup({ buckets: [BUCKET] }, CLI_ACTOR));
    const outside = mkdtempSync(join(tmpdir(), 'console-backups-outside-'));
    writeFileSync(join(outside, 'secret.tar.gz'), gzipSync(Buffer.alloc(1024)));
    const consolePath = join(backup.dir, 'console-manifest.json');
    const original = readFileSync(consolePath, 'utf8');
    type Manifests = {
      influxManifest: string;
      files: { name: string; bytes: number; sha256: string }[];
      buckets: { files: string[] }[];
    };
    // The influx manifest points a shard at a file outside, its checksum recorded again so the files' check passes.
    const consoleManifest = JSON.parse(original) as Manifests;
    const influxPath = join(backup.dir, consoleManifest.influxManifest);
    const influx = JSON.parse(readFileSync(influxPath, 'utf8')) as {
      buckets: { retentionPolicies: { shardGroups: { shards: { fileName: string }[] }[] }[] }[];
    };
    const shard = influx.buckets[0]?.retentionPolicies[0]?.shardGroups.find((g) => g.shards.length > 0)?.shards[0];
    if (!shard) throw new Error('no shard in the influx manifest');
    shard.fileName = relative(backup.dir, join(outside, 'secret.tar.gz'));
    expect(shard.fileName.startsWith('../')).toBe(true);
    const edited = JSON.stringify(influx);
    writeFileSync(influxPath, edited);
    const entry = consoleManifest.files.find((f) => f.name === consoleManifest.influxManifest);
    if (!entry) throw new Error('the influx manifest is not listed');
    entry.bytes = Buffer.byteLength(edited);
    entry.sha256 = createHash('sha256').update(edited).digest('hex');
    writeFileSync(consolePath, JSON.stringify(consoleManifest));
    const refused = await cli(['backup', 'restore', backup.id, '--bucket', BUCKET, '--as', 'backup_escaped']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`Backup ${backup.id} is damaged: its influx manifest names`);
    expect(refused.stderr).toContain('a file its console manifest does not list');
    expect(await rawBucketId('backup_escaped'), 'no bucket was created').toBeNull();

    // The console manifest naming a path: not a backup the console restores.
    const withPath = JSON.parse(original) as Manifests;
    const first = withPath.buckets[0];
    if (first) first.files = [...first.files, '../secret.tar.gz'];
    writeFileSync(consolePath, JSON.stringify(withPath));
    const listed = unwrap(await listBackups()).find((b) => b.id === backup.id);
    expect(listed?.legacy, 'listed, not as a backup the console can restore').toBe(true);
    const refusedToo = await cli(['backup', 'restore', backup.id, '--bucket', BUCKET, '--as', 'backup_escaped']);
    expect(refusedToo.code).toBe(1);
    expect(await rawBucketId('backup_escaped')).toBeNull();
    rmSync(outside, { recursive: true, force: true });
  });

  it('fails the drill when the restored raw rows of the sample differ from those backed up', async () => {
    const backup = unwrap(await createBackup({ buckets: [BUCKET] }, CLI_ACTOR));
    // What a restore that loses or changes rows looks like to the drill: the sample recorded at backup time no longer matches.
    const path = join(backup.dir, 'console-manifest.json');
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as { buckets: { sample: { lines: number; sha256: string } }[] };
    const sample = manifest.buckets[0]?.sample;
    expect(sample?.lines).toBeGreaterThan(0);
    if (sample) sample.sha256 = '0'.repeat(64);
    writeFileSync(path, JSON.stringify(manifest));
    const bad = await cli(['backup', 'verify', backup.id, '--json']);
    expect(bad.code).toBe(1);
    expect(bad.json).toEqual({
      ok: false,
      detail: expect.stringMatching(/^restored rows differ: backup_src, .*: (\d+) lines restored, \1 backed up \(same number, other values\)$/),
    });
  });

  it('drills a backup whose sample was taken the earlier way (line protocol through Flux) by reading the restored rows that way', async () => {
    const backup = unwrap(await createBackup({ buckets: [BUCKET] }, CLI_ACTOR));
    const path = join(backup.dir, 'console-manifest.json');
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as { buckets: { sample: RowSample | null }[] };
    const taken = manifest.buckets[0]?.sample;
    expect(taken?.method, 'samples are read with InfluxQL now').toBe('influxql');
    if (!manifest.buckets[0] || !taken) throw new Error('the backup has no sample');
    const id = await rawBucketId(BUCKET);
    const legacy = await sampleRows({ id: id ?? '', name: BUCKET }, taken, connection(), { ...taken, method: undefined });
    expect(legacy?.method).toBeUndefined();
    expect(legacy?.lines, 'one line per field in line protocol: more lines than points').toBeGreaterThan(taken.lines);
    manifest.buckets[0].sample = legacy;
    writeFileSync(path, JSON.stringify(manifest));
    const good = await cli(['backup', 'verify', backup.id, '--json']);
    expect(good.json).toEqual({ ok: true, detail: expect.stringContaining(`the ${legacy?.lines ?? 0} raw rows`) });
    if (legacy) manifest.buckets[0].sample = { ...legacy, sha256: '0'.repeat(64) };
    writeFileSync(path, JSON.stringify(manifest));
    const bad = await cli(['backup', 'verify', backup.id, '--json']);
    expect(bad.code).toBe(1);
    expect((bad.json as { detail: string }).detail).toMatch(/^restored rows differ: backup_src/);
  });

  // A full disk: a 12 KiB tmpfs (needs the right to mount one, as root in a container: skipped otherwise).
  it('says the disk is full and leaves nothing behind when the backup does not fit', async (ctx) => {
    const tiny = mkdtempSync(join(tmpdir(), 'console-backups-full-'));
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=12k', 'tmpfs', tiny], { stdio: 'ignore' });
    } catch {
      ctx.skip();
    }
    try {
      const result = await cli(['backup', 'create', '--bucket', BUCKET, '--out', tiny]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`The disk of ${tiny} is full`);
      expect(readdirSync(tiny)).toEqual([]);
    } finally {
      execFileSync('umount', [tiny]);
      rmSync(tiny, { recursive: true, force: true });
    }
  });

  it('says clearly when the folder cannot be written, and leaves no partial folder', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'console-backups-bad-'));
    writeFileSync(join(parent, 'a-file'), 'not a folder');
    const out = join(parent, 'a-file', 'backups');
    const result = await cli(['backup', 'create', '--bucket', BUCKET, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Cannot write the backup into ${out}`);
    expect(result.stderr).toContain('fix: Choose a folder');
    expect(readdirSync(parent)).toEqual(['a-file']);
  });

  it('needs an operator token, says how to get one, and leaves no partial folder', async () => {
    // Everything but the operator's rights: the org and its buckets, read and written.
    const token = await rawNonOperatorToken();
    const out = mkdtempSync(join(tmpdir(), 'console-backups-token-'));
    const operator = process.env.INFLUXDB_TOKEN;
    process.env.INFLUXDB_TOKEN = token;
    try {
      const result = await cli(['backup', 'create', '--bucket', BUCKET, '--out', out]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('The backup API needs an operator token');
      expect(result.stderr).toContain('influx auth create --operator');
    } finally {
      process.env.INFLUXDB_TOKEN = operator;
    }
    expect(readdirSync(out)).toEqual([]);
    expect(existsSync(join(out, '.partial-'))).toBe(false);
  });
});
