/**
 * The backup rows of `npm run bench -- --backups` (or `--backups-only`): at each size (100,000
 * points, then 1,000,000), side by side in one run, the console's `backup create` and `backup
 * restore` (the CLI in a child process, its peak memory read from /proc) against the raw API doing
 * the same transfers: the metadata snapshot and every shard of the same buckets streamed to files,
 * and bucketMetadata plus every shard posted back. The backup's size is set against the same points
 * as gzipped line protocol (and, at the smaller size, against the CLI's own export of them).
 */
import { createReadStream, createWriteStream, mkdirSync, readdirSync, readFileSync, rmSync, statSync, mkdtempSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { bulkLines } from '../lib/aggregates/bulk';
import { ai5Spec } from '../lib/spec/load';
import { runCli } from './data-ops';
import { benchRow, type BenchRow, type Influxd } from './harness';
import { settle } from './influx-load';

export interface BackupBenchStep {
  points: number;
  rows: BenchRow[];
  backupBytes: number;
  lineProtocolGzipBytes: number;
  /** The CLI's own export (one line per field), gzipped; measured at the smaller size only (it is slow). */
  exportGzipBytes: number | null;
  /** `backup`: of the backups with the counts up to date (all of them at one rep); `coldBackup`: of the first, which counts every slice. */
  peakRssMb: { backup: number; restore: number; coldBackup: number | null };
  /** The console's times split: CLI start-up, and the share the exact counts and the drill's row sample take (from the CLI's own log). */
  cliStartupMs: number;
  /** The first backup (record counts cold: nothing counted yet), when later ones ran with them up to date. */
  coldBackupMs: number | null;
  split: { backupCountMs: number; backupSampleMs: number; restoreCountMs: number };
}

const spec = ai5Spec();

/**
 * The time the CLI's log says its counts (`stats: counts refreshed`, totalMs), row samples (`sampleMs`)
 * and, in a restore, its count after the last shard was posted (`backup: restored`, countedAfterMs) took.
 */
function logged(stderr: string): { countMs: number; sampleMs: number } {
  let countMs = 0;
  let sampleMs = 0;
  for (const line of stderr.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const entry = JSON.parse(line) as { message?: string; totalMs?: number; sampleMs?: number; countedAfterMs?: number };
      if (entry.message === 'stats: counts refreshed') countMs += entry.totalMs ?? 0;
      if (entry.message === 'backup: restored') countMs += entry.countedAfterMs ?? 0;
      if (entry.message === 'backup: sample rows read') sampleMs += entry.sampleMs ?? 0;
    } catch {
      // not a log line
    }
  }
  return { countMs, sampleMs };
}

/** One raw request, the answer's body streamed to `sink` (or drained). */
function rawRequest(
  influx: Influxd,
  method: 'GET' | 'POST',
  path: string,
  headers: Record<string, string | number>,
  body?: NodeJS.ReadableStream | Buffer,
  sink?: NodeJS.WritableStream,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(new URL(path, influx.url), { method, headers: { Authorization: `Token ${influx.token}`, ...headers } }, (res) => {
      const status = res.statusCode ?? 0;
      if (sink && status === 200) {
        pipeline(res, sink).then(() => resolve({ status, text: '' }), reject);
        return;
      }
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status, text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (body === undefined) req.end();
    else if (Buffer.isBuffer(body)) req.end(body);
    else pipeline(body, req).catch(reject);
  });
}

interface ManifestShard {
  id: number;
  fileName: string;
}
interface ManifestBucket {
  bucketName: string;
  retentionPolicies: { shardGroups: { shards: (ManifestShard & { shardOwners?: unknown[] })[] }[] }[];
  [k: string]: unknown;
}

/**
 * The raw backup: the metadata snapshot read whole, and each shard of `buckets` streamed to a file as
 * influxd gzipped it, `lanes` shards at a time (1: as influx-cli does; 2: as the console does).
 */
async function rawBackup(influx: Influxd, buckets: readonly string[], dir: string, lanes: number): Promise<number> {
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  const meta = await new Promise<Buffer>((resolve, reject) => {
    const req = httpRequest(
      new URL('/api/v2/backup/metadata', influx.url),
      { headers: { Authorization: `Token ${influx.token}`, 'Accept-Encoding': 'identity' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(Buffer.concat(chunks)));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
  const text = meta.toString('latin1');
  const start = text.indexOf('\r\n\r\n', text.indexOf('name="buckets"')) + 4;
  const end = text.indexOf('\r\n--', start);
  const all = JSON.parse(Buffer.from(text.slice(start, end), 'latin1').toString('utf8')) as ManifestBucket[];
  const ids = all
    .filter((x) => buckets.includes(x.bucketName))
    .flatMap((b) => b.retentionPolicies.flatMap((rp) => rp.shardGroups.flatMap((sg) => sg.shards.map((sh) => sh.id))));
  let next = 0;
  const lane = async () => {
    while (next < ids.length) {
      const id = ids[next++];
      const r = await rawRequest(
        influx,
        'GET',
        `/api/v2/backup/shards/${id}`,
        { 'Accept-Encoding': 'gzip' },
        undefined,
        createWriteStream(join(dir, `${id}.tar.gz`)),
      );
      if (r.status !== 200) throw new Error(`raw backup of shard ${id}: ${r.status} ${r.text}`);
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  return performance.now() - started;
}

/**
 * The raw restore of the console's backup files: bucketMetadata for a new name, then each shard
 * posted to its new ID, `lanes` at a time (1: as influx-cli does; 2: as the console does).
 */
async function rawRestore(influx: Influxd, backupDir: string, bucket: string, as: string, lanes: number): Promise<number> {
  const manifestFile = readdirSync(backupDir).find((f) => f.endsWith('.manifest')) ?? '';
  const manifest = JSON.parse(readFileSync(join(backupDir, manifestFile), 'utf8')) as { buckets: ManifestBucket[] };
  const entry = manifest.buckets.find((b) => b.bucketName === bucket);
  if (!entry) throw new Error(`no ${bucket} in ${backupDir}`);
  const files = new Map(entry.retentionPolicies.flatMap((rp) => rp.shardGroups.flatMap((sg) => sg.shards.map((s) => [s.id, s.fileName] as const))));
  const body = {
    ...entry,
    bucketName: as,
    retentionPolicies: entry.retentionPolicies.map((rp) => ({
      ...rp,
      shardGroups: rp.shardGroups.map((sg) => ({ ...sg, shards: sg.shards.map((s) => ({ id: s.id, shardOwners: s.shardOwners ?? [] })) })),
    })),
  };
  const started = performance.now();
  const created = await rawRequest(influx, 'POST', '/api/v2/restore/bucketMetadata', { 'Content-Type': 'application/json' }, Buffer.from(JSON.stringify(body)));
  if (created.status !== 201 && created.status !== 200) throw new Error(`raw restore of ${bucket}: ${created.status} ${created.text}`);
  const mappings = (JSON.parse(created.text) as { shardMappings?: { oldId: number; newId: number }[] }).shardMappings ?? [];
  const todo = [...mappings];
  const lane = async () => {
    for (let m = todo.shift(); m; m = todo.shift()) {
      const file = join(backupDir, files.get(m.oldId) ?? '');
      const r = await rawRequest(
        influx,
        'POST',
        `/api/v2/restore/shards/${m.newId}`,
        { 'Content-Type': 'application/octet-stream', 'Content-Encoding': 'gzip', 'Content-Length': statSync(file).size },
        createReadStream(file),
      );
      if (r.status !== 204 && r.status !== 200) throw new Error(`raw restore of shard ${m.newId}: ${r.status} ${r.text}`);
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  return performance.now() - started;
}

async function deleteBucketNamed(influx: Influxd, name: string): Promise<void> {
  const h = { Authorization: `Token ${influx.token}` };
  const orgs = (await (await fetch(`${influx.url}/api/v2/orgs?org=homeiq`, { headers: h })).json()) as { orgs: { id: string }[] };
  const list = (await (
    await fetch(`${influx.url}/api/v2/buckets?orgID=${orgs.orgs[0]?.id ?? ''}&name=${encodeURIComponent(name)}`, { headers: h })
  ).json()) as { buckets?: { id: string }[] };
  for (const b of list.buckets ?? []) await fetch(`${influx.url}/api/v2/buckets/${b.id}`, { method: 'DELETE', headers: h });
}

/** The backup's files in influx-cli's layout (the console's manifest, a few kB, included). */
const folderBytes = (dir: string) => readdirSync(dir).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);

/** The points bulkLines wrote, as one gzipped stream of line protocol: its size. */
export async function lineProtocolGzipBytes(batches: Iterable<{ lines: string[] }>): Promise<number> {
  let bytes = 0;
  const gzip = createGzip();
  const counted = pipeline(gzip, new Writable({ write: (chunk: Buffer, _e, done) => ((bytes += chunk.length), done()) }));
  for (const { lines } of batches) if (!gzip.write(lines.join('\n') + '\n')) await new Promise((r) => gzip.once('drain', r));
  gzip.end();
  await counted;
  return bytes;
}

/**
 * One size step: the spec buckets hold `points` points. `reps` runs of each, the console and the
 * raw side alternating (each after influxd settled), restores removed between runs.
 */
export async function measureBackupStep(
  influx: Influxd,
  points: number,
  lpGzipBytes: number,
  reps: number,
  withExport: boolean,
  log: (msg: string) => void,
): Promise<BackupBenchStep> {
  const work = mkdtempSync(join(tmpdir(), 'homeiq-bench-backups-'));
  const dataDir = join(work, 'console-data');
  const buckets = spec.buckets.map((b) => b.name);
  const n = points.toLocaleString('en-US');
  try {
    const startup = await runCli(influx, ['help'], null, dataDir);
    const backupTimes: number[] = [];
    const rawBackupTimes: number[] = [];
    const rawSequentialTimes: number[] = [];
    const restoreTimes: number[] = [];
    const rawRestoreTimes: number[] = [];
    const rawRestoreTwoTimes: number[] = [];
    const backupPeaks: number[] = [];
    let peakRestore = 0;
    let backupBytes = 0;
    const split = { backupCountMs: 0, backupSampleMs: 0, restoreCountMs: 0 };
    for (let rep = 0; rep < reps; rep++) {
      await settle(influx, log);
      log(`backups at ${n} points: console backup, rep ${rep + 1} of ${reps}`);
      // Into CONSOLE_DATA_DIR/backups, where `backup restore` reads it from.
      const created = await runCli(
        influx,
        ['backup', 'create', ...buckets.flatMap((b) => ['--bucket', b]), '--json'],
        join(work, `created-${rep}.json`),
        dataDir,
      );
      if (created.code !== 0) throw new Error(`backup create failed: ${created.stderr}`);
      const { id, dir } = JSON.parse(readFileSync(join(work, `created-${rep}.json`), 'utf8')) as { id: string; dir: string };
      backupTimes.push(created.ms);
      backupPeaks.push(created.peakMb);
      backupBytes = folderBytes(dir);
      const b = logged(created.stderr);
      split.backupCountMs = b.countMs;
      split.backupSampleMs = b.sampleMs;
      log(
        `  ${(created.ms / 1000).toFixed(1)} s (counts ${(b.countMs / 1000).toFixed(1)} s, row sample ${(b.sampleMs / 1000).toFixed(1)} s), ${(backupBytes / 1e6).toFixed(1)} MB, peak ${created.peakMb.toFixed(0)} MB`,
      );
      await settle(influx, log);
      log(`backups at ${n} points: raw shard fetch, two at a time, rep ${rep + 1}`);
      rawBackupTimes.push(await rawBackup(influx, buckets, join(work, `raw-${rep}`), 2));
      log(`  ${((rawBackupTimes.at(-1) ?? 0) / 1000).toFixed(1)} s`);
      rmSync(join(work, `raw-${rep}`), { recursive: true, force: true });
      await settle(influx, log);
      log(`backups at ${n} points: raw shard fetch, one after the other (influx-cli's way), rep ${rep + 1}`);
      rawSequentialTimes.push(await rawBackup(influx, buckets, join(work, `raw-${rep}`), 1));
      log(`  ${((rawSequentialTimes.at(-1) ?? 0) / 1000).toFixed(1)} s`);

      await settle(influx, log);
      log(`backups at ${n} points: console restore (every spec bucket, counts compared), rep ${rep + 1}`);
      let ms = 0;
      split.restoreCountMs = 0;
      for (const b of buckets) {
        const r = await runCli(influx, ['backup', 'restore', id, '--bucket', b, '--as', `${b}_console_restored`, '--json'], null, dataDir);
        if (r.code !== 0) throw new Error(`backup restore of ${b} failed (exit ${r.code}): ${r.stderr}`);
        ms += r.ms;
        split.restoreCountMs += logged(r.stderr).countMs;
        peakRestore = Math.max(peakRestore, r.peakMb);
      }
      restoreTimes.push(ms);
      log(`  ${(ms / 1000).toFixed(1)} s (recount ${(split.restoreCountMs / 1000).toFixed(1)} s), peak ${peakRestore.toFixed(0)} MB`);
      await settle(influx, log);
      log(`backups at ${n} points: raw restore calls, one after the other (influx-cli's way), rep ${rep + 1}`);
      let raw = 0;
      for (const b of buckets) raw += await rawRestore(influx, dir, b, `${b}_raw_restored`, 1);
      rawRestoreTimes.push(raw);
      log(`  ${(raw / 1000).toFixed(1)} s`);
      for (const b of buckets) await deleteBucketNamed(influx, `${b}_raw_restored`);
      await settle(influx, log);
      log(`backups at ${n} points: raw restore calls, two at a time, rep ${rep + 1}`);
      let rawTwo = 0;
      for (const b of buckets) rawTwo += await rawRestore(influx, dir, b, `${b}_raw_restored`, 2);
      rawRestoreTwoTimes.push(rawTwo);
      log(`  ${(rawTwo / 1000).toFixed(1)} s`);
      for (const b of buckets) {
        await deleteBucketNamed(influx, `${b}_console_restored`);
        await deleteBucketNamed(influx, `${b}_raw_restored`);
      }
      rmSync(join(work, `raw-${rep}`), { recursive: true, force: true });
    }
    let exportGzipBytes: number | null = null;
    if (withExport) {
      log(`backups at ${n} points: the CLI's line-protocol export, for its size`);
      exportGzipBytes = 0;
      for (const b of buckets) {
        const file = join(work, `${b}.lp.gz`);
        const r = await runCli(influx, ['data', 'export', '--bucket', b], file, dataDir);
        if (r.code !== 0) throw new Error(`export of ${b} failed: ${r.stderr}`);
        exportGzipBytes += statSync(file).size;
      }
    }
    // The first backup counts every slice (nothing counted yet); the console keeps its counts up to date, so later ones only check them.
    const cold = reps > 1 ? (backupTimes.shift() ?? null) : null;
    const coldRaw = reps > 1 ? (rawSequentialTimes.shift() ?? null) : null;
    if (reps > 1) rawBackupTimes.shift();
    const rows = [
      ...(cold !== null && coldRaw !== null
        ? [
            benchRow(
              `Backup of ${n} points, record counts cold (the first: every slice counted) vs the raw API fetching the same metadata and shards to files`,
              [cold],
              [coldRaw],
              'contrast',
              'the console counts every slice of both buckets while the shards download',
            ),
          ]
        : []),
      benchRow(
        `Backup of ${n} points (CLI backup create: exact counts${cold !== null ? ' up to date' : ''}, metadata, shards to disk two at a time, each checked by /metrics and read again if it moved, the files checked, the drill's row sample) vs the raw API fetching the same metadata and shards to files one after the other, as influx-cli does`,
        backupTimes,
        rawSequentialTimes,
        'ratio <= 1.1',
        `console includes the CLI start-up (${(startup.ms / 1000).toFixed(1)} s), the counts (${(split.backupCountMs / 1000).toFixed(1)} s, beside the shards) and the row sample (${(split.backupSampleMs / 1000).toFixed(1)} s) of the last run`,
      ),
      benchRow(
        `Backup of ${n} points, as above, vs the raw API fetching the shards two at a time, as the console does (contrast)`,
        backupTimes,
        rawBackupTimes,
        'contrast',
        'the raw calls two at a time check nothing: right after a large write influxd sent shards whose cache it was writing out without their data (lib/influx/backup.ts SHARD_DOWNLOADS)',
      ),
      benchRow(
        `Restore of those ${n} points into new buckets (CLI backup restore per bucket: shards two at a time, every record counted after, compared) vs the raw bucketMetadata and shard calls one after the other, as influx-cli does`,
        restoreTimes,
        rawRestoreTimes,
        'ratio <= 1.1',
        `console: one CLI per bucket (start-up ${(startup.ms / 1000).toFixed(1)} s each), checksums checked before, every slice counted after (${(split.restoreCountMs / 1000).toFixed(1)} s of the last run)`,
      ),
      benchRow(
        `Restore of those ${n} points, as above, vs the raw calls two at a time, as the console makes them (contrast: what the count costs)`,
        restoreTimes,
        rawRestoreTwoTimes,
        'contrast',
        'the difference is the exact count of every restored record, and the CLI start-up',
      ),
    ];
    return {
      points,
      rows,
      backupBytes,
      lineProtocolGzipBytes: lpGzipBytes,
      exportGzipBytes,
      peakRssMb: {
        backup: Math.max(...(reps > 1 ? backupPeaks.slice(1) : backupPeaks)),
        restore: peakRestore,
        coldBackup: reps > 1 ? (backupPeaks[0] ?? null) : null,
      },
      cliStartupMs: startup.ms,
      coldBackupMs: cold,
      split,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export function printBackups(steps: readonly BackupBenchStep[]): void {
  const fmt = (x: number | null, d = 1) => (x === null ? '—' : x.toFixed(d));
  console.log(`\nBackups (HomeIQ's wire format, the spec buckets; medians)\n`);
  console.log(`${'row'.padEnd(170)} ${'console ms'.padStart(11)} ${'raw ms'.padStart(10)} ${'ratio'.padStart(6)}  goal`);
  for (const s of steps)
    for (const r of s.rows)
      console.log(
        `${r.name.padEnd(170)} ${fmt(r.consoleMs).padStart(11)} ${fmt(r.rawMs).padStart(10)} ${fmt(r.ratio, 2).padStart(6)}  ${r.goal} (n=${r.reps})`,
      );
  for (const s of steps) {
    const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;
    console.log(
      `${s.points.toLocaleString('en-US')} points: the console's time split (last run): backup counts ${(s.split.backupCountMs / 1000).toFixed(1)} s (beside the shard download), row sample ${(s.split.backupSampleMs / 1000).toFixed(1)} s; restore recount ${(s.split.restoreCountMs / 1000).toFixed(1)} s`,
    );
    console.log(
      `${s.points.toLocaleString('en-US')} points: backup ${mb(s.backupBytes)}; gzipped line protocol of the same points ${mb(s.lineProtocolGzipBytes)} (${(s.backupBytes / s.lineProtocolGzipBytes).toFixed(2)}×)${s.exportGzipBytes === null ? '' : `; the CLI's export ${mb(s.exportGzipBytes)} (${(s.backupBytes / s.exportGzipBytes).toFixed(2)}×)`}; peak RSS (VmHWM) backup ${s.peakRssMb.backup.toFixed(0)} MB${s.peakRssMb.coldBackup === null ? '' : ` (the first, counting every slice: ${s.peakRssMb.coldBackup.toFixed(0)} MB)`}, restore ${s.peakRssMb.restore.toFixed(0)} MB; CLI start-up ${s.cliStartupMs.toFixed(0)} ms`,
    );
  }
  if (steps.length >= 2) {
    const [a, b] = [steps[0], steps.at(-1)];
    if (a && b)
      console.log(
        `Peak RSS from ${a.points.toLocaleString('en-US')} to ${b.points.toLocaleString('en-US')} points: backup with its counts up to date ${a.peakRssMb.backup.toFixed(0)} → ${b.peakRssMb.backup.toFixed(0)} MB (${((b.peakRssMb.backup / a.peakRssMb.backup - 1) * 100).toFixed(0)}%), restore ${a.peakRssMb.restore.toFixed(0)} → ${b.peakRssMb.restore.toFixed(0)} MB (${((b.peakRssMb.restore / a.peakRssMb.restore - 1) * 100).toFixed(0)}%); goal: within 20%`,
      );
  }
}

/** The points of one size step, as bulkLines writes them (new series with `prefix`). */
export function stepBatches(points: number, prefix: string) {
  return bulkLines(spec, { total: points, days: 90, entityPrefix: prefix }, 10_000);
}
