/**
 * The data-operation rows of `npm run bench -- --data-ops` (or `--data-ops-only`): the console's
 * export and import, each run as the CLI in a child process (whose peak memory, VmHWM, is read from
 * /proc), against the raw InfluxDB API doing the same work: the Flux query that reads the same rows,
 * and /api/v2/write of the same file in the same batches (5,000 lines, gzip, 2 in flight).
 */
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, closeSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { exportQuery } from '../lib/influx/export-query';
import { EARLIEST, LATEST } from '../lib/model/export-options';
import { ai5Spec } from '../lib/spec/load';
import { benchRow, inFlight, median, postWrite, repo, type BenchRow, type Influxd } from './harness';
import { settle } from './influx-load';

export type DataOpsRow = BenchRow;

export interface DataOpsResult {
  rows: DataOpsRow[];
  /** Points the bench loaded, and the lines (one per field) they export as. */
  loadedPoints: number;
  points: number;
  exportPointsPerSecond: number;
  rawQueryPointsPerSecond: number;
  importPointsPerSecond: number;
  rawWritePointsPerSecond: number;
  /** Wall time of the CLI doing nothing (`help`): node's start-up and the bundle's load, inside every console time. */
  cliStartupMs: number;
  /** Peak memory (VmHWM, MB) of the CLI process, at the small and the full size. */
  memory: { smallPoints: number; fullPoints: number; exportSmallMb: number; exportFullMb: number; importSmallMb: number; importFullMb: number };
  /** Peak memory (VmHWM, MB) of the CLI's dry-run check of each adversarial file. */
  dryRuns: { name: string; peakMb: number }[];
}

const BATCH = 5_000;

let bundle: string | null = null;

/**
 * The CLI as it ships (`npm run build:cli`: one bundled file plain node runs, as in the image), built
 * once per bench run from the working tree, so the figures are those of what an operator runs.
 */
function cliBundle(): string {
  if (bundle) return bundle;
  const out = join(repo, 'dist', 'cli', 'homeiq-console.cjs');
  const built = spawnSync(process.execPath, ['scripts/build-cli.mjs', out], { cwd: repo, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`bundling the CLI failed: ${built.stderr}`);
  return (bundle = out);
}

/**
 * Runs the CLI (the bundle) as a child process, stdout to a file; resolves with its stderr and peak memory.
 * HOMEIQ_BENCH_CLI_LOG=FILE appends every run's arguments and log lines to FILE (where the time went).
 */
export function runCli(
  influx: Influxd,
  args: string[],
  stdoutFile: string | null,
  dataDir: string,
): Promise<{ code: number; stderr: string; peakMb: number; ms: number }> {
  return new Promise((resolve, reject) => {
    const out = stdoutFile ? openSync(stdoutFile, 'w') : 'ignore';
    const started = performance.now();
    const child = spawn(process.execPath, [cliBundle(), ...args], {
      cwd: repo,
      env: { ...process.env, INFLUXDB_URL: influx.url, INFLUXDB_TOKEN: influx.token, INFLUXDB_ORG: 'homeiq', CONSOLE_DATA_DIR: dataDir },
      stdio: ['ignore', out, 'pipe'],
    });
    let stderr = '';
    let peakKb = 0;
    const sample = () => {
      try {
        const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        peakKb = Math.max(peakKb, Number(m?.[1] ?? 0));
      } catch {
        // the process ended
      }
    };
    const timer = setInterval(sample, 50);
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const ms = performance.now() - started;
      clearInterval(timer);
      if (typeof out === 'number') closeSync(out);
      const logFile = process.env.HOMEIQ_BENCH_CLI_LOG;
      if (logFile) appendFileSync(logFile, `### ${args.join(' ')} (exit ${code}, ${ms.toFixed(0)} ms, peak ${(peakKb / 1024).toFixed(0)} MB)\n${stderr}\n`);
      resolve({ code: code ?? 1, stderr, peakMb: peakKb / 1024, ms });
    });
  });
}

function call(influx: Influxd) {
  return async (path: string, init: RequestInit = {}) => {
    const res = await fetch(influx.url + path, {
      ...init,
      headers: { Authorization: `Token ${influx.token}`, 'Content-Type': 'application/json', ...(init.headers ?? {}) },
    });
    if (!res.ok && res.status !== 204) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`);
    return res.status === 204 ? null : (res.json() as Promise<unknown>);
  };
}

async function recreateBucket(influx: Influxd, name: string): Promise<void> {
  const api = call(influx);
  const orgID = ((await api('/api/v2/orgs?org=homeiq')) as { orgs: { id: string }[] }).orgs[0]?.id;
  const list = (await api(`/api/v2/buckets?orgID=${orgID}&limit=100`)) as { buckets: { id: string; name: string }[] };
  for (const b of list.buckets) if (b.name === name) await api(`/api/v2/buckets/${b.id}`, { method: 'DELETE' });
  await api('/api/v2/buckets', { method: 'POST', body: JSON.stringify({ orgID, name, retentionRules: [] }) });
}

/** The raw read: the same Flux as the export, the CSV body read to its end (and dropped). */
async function rawQuery(influx: Influxd, bucket: string, start: string): Promise<void> {
  const res = await fetch(`${influx.url}/api/v2/query?org=homeiq`, {
    method: 'POST',
    body: exportQuery({ bucket, measurements: [], start, stop: LATEST.iso }),
    headers: { Authorization: `Token ${influx.token}`, 'Content-Type': 'application/vnd.flux', 'Accept-Encoding': 'gzip' },
  });
  if (!res.ok || !res.body) throw new Error(await res.text());
  const reader = res.body.getReader();
  while (!(await reader.read()).done);
}

/** The raw write: the file's lines in batches of 5,000, gzip, two requests in flight (no parsing, no checks). */
async function rawWrite(influx: Influxd, bucket: string, batches: Uint8Array<ArrayBuffer>[]): Promise<void> {
  const writes = inFlight(2);
  for (const body of batches) await writes.add(postWrite(influx, bucket, body));
  await writes.drain();
}

function batchesOf(file: string): Uint8Array<ArrayBuffer>[] {
  const lines = gunzipSync(readFileSync(file))
    .toString('utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'));
  const out: Uint8Array<ArrayBuffer>[] = [];
  for (let i = 0; i < lines.length; i += BATCH) out.push(new Uint8Array(gzipSync(lines.slice(i, i + BATCH).join('\n'))));
  return out;
}

/** The lines an export wrote, from its summary (`Exported B: N points in M lines …`): the bench's figures count lines. */
const linesOf = (stderr: string) => Number(/Exported [^:]*: [\d,]+ points in ([\d,]+) lines/.exec(stderr)?.[1]?.replace(/,/g, '') ?? Number.NaN);

const row = benchRow;

/**
 * Exports every spec bucket (the points the bench loaded) and imports the files into new
 * buckets, `reps` times, and the small run (the last `smallDays` days) once for its memory.
 */
export async function measureDataOps(influx: Influxd, loaded: number, reps: number, log: (msg: string) => void, smallDays = 9): Promise<DataOpsResult> {
  const spec = ai5Spec();
  const work = mkdtempSync(join(tmpdir(), 'homeiq-bench-data-ops-'));
  const dataDir = join(work, 'console-data');
  try {
    const exportAll = async (start: string | null, tag: string) => {
      let ms = 0;
      let peakMb = 0;
      let points = 0;
      const files: { bucket: string; file: string }[] = [];
      for (const b of spec.buckets) {
        const file = join(work, `${b.name}-${tag}.lp.gz`);
        const r = await runCli(influx, ['data', 'export', '--bucket', b.name, ...(start ? ['--start', start] : [])], file, dataDir);
        if (r.code !== 0) throw new Error(`export of ${b.name} failed: ${r.stderr}`);
        ms += r.ms;
        peakMb = Math.max(peakMb, r.peakMb);
        points += linesOf(r.stderr);
        log(`  export of ${b.name}: ${linesOf(r.stderr).toLocaleString('en-US')} lines in ${(r.ms / 1000).toFixed(1)} s, peak ${r.peakMb.toFixed(0)} MB`);
        files.push({ bucket: b.name, file });
      }
      return { ms, peakMb, points, files };
    };
    const importAll = async (files: { bucket: string; file: string }[], tag: string) => {
      let ms = 0;
      let peakMb = 0;
      for (const { bucket, file } of files) {
        await recreateBucket(influx, `import_${tag}_${bucket}`);
        const r = await runCli(influx, ['data', 'import', '--bucket', `import_${tag}_${bucket}`, file, '--yes', '--json'], null, dataDir);
        if (r.code !== 0) throw new Error(`import into import_${tag}_${bucket} failed (exit ${r.code}): ${r.stderr}`);
        ms += r.ms;
        peakMb = Math.max(peakMb, r.peakMb);
        log(`  import into import_${tag}_${bucket}: ${(r.ms / 1000).toFixed(1)} s, peak ${r.peakMb.toFixed(0)} MB`);
      }
      return { ms, peakMb };
    };

    const startup = await runCli(influx, ['help'], null, dataDir);
    log(`data ops: the CLI starts in ${startup.ms.toFixed(0)} ms (node + tsx), counted in each console time`);
    const exportTimes: number[] = [];
    const rawQueryTimes: number[] = [];
    const importTimes: number[] = [];
    const rawWriteTimes: number[] = [];
    let full = { ms: 0, peakMb: 0, points: 0, files: [] as { bucket: string; file: string }[] };
    let fullImportMb = 0;
    for (let i = 0; i < reps; i++) {
      await settle(influx, log);
      log(`data ops: export, rep ${i + 1} of ${reps}`);
      full = await exportAll(null, 'full');
      exportTimes.push(full.ms);
      await settle(influx, log);
      log(`data ops: raw query, rep ${i + 1}`);
      const q0 = performance.now();
      for (const b of spec.buckets) await rawQuery(influx, b.name, EARLIEST.iso);
      rawQueryTimes.push(performance.now() - q0);
      await settle(influx, log);
      log(`data ops: import, rep ${i + 1}`);
      const imp = await importAll(full.files, 'full');
      importTimes.push(imp.ms);
      fullImportMb = Math.max(fullImportMb, imp.peakMb);
      // The import's compactions must not slow the raw write that follows it.
      await settle(influx, log);
      log(`data ops: raw write, rep ${i + 1}`);
      for (const f of full.files) await recreateBucket(influx, `raw_${f.bucket}`);
      // Timed like the console: reading the file, splitting it into batches and compressing each is part of writing it.
      const w0 = performance.now();
      for (const f of full.files) await rawWrite(influx, `raw_${f.bucket}`, batchesOf(f.file));
      rawWriteTimes.push(performance.now() - w0);
    }
    log(`data ops: the small run (last ${smallDays} days) for memory`);
    const smallStart = new Date(Date.now() - smallDays * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const small = await exportAll(smallStart, 'small');
    const smallImport = await importAll(small.files, 'small');

    log('data ops: dry-run checks of a 32 MiB single-line file and a 128 MiB many-line file');
    const dry = await dryRunRows(influx, work, dataDir, log);

    const points = full.points;
    const perSecond = (ms: number) => Math.round(points / (ms / 1000));
    const rows = [
      row(
        `Export ${loaded.toLocaleString('en-US')} points (${points.toLocaleString('en-US')} lines, one per field) as gzipped line protocol (CLI data export, every bucket) vs the raw Flux query reading the same rows`,
        exportTimes,
        rawQueryTimes,
        'ratio <= 1.2',
        'console: a CLI child process (node startup included), one query per shard group, CSV parsed, line protocol written, gzip to a file; raw: one query over the whole range (the same rows), body read and dropped',
      ),
      row(
        `Import that export into new buckets (CLI data import --yes: read once, batches of 5,000) vs raw /api/v2/write of the same file in the same batches`,
        importTimes,
        rawWriteTimes,
        'ratio <= 1.2',
        'console: one CLI per bucket reads the file once, parsing and checking each line while the previous batches are in flight (2); raw: the file read, split into the same batches and each gzipped, 2 in flight',
      ),
      ...dry.rows,
    ];
    return {
      rows,
      dryRuns: dry.memory,
      loadedPoints: loaded,
      points,
      cliStartupMs: startup.ms,
      exportPointsPerSecond: perSecond(median(exportTimes)),
      rawQueryPointsPerSecond: perSecond(median(rawQueryTimes)),
      importPointsPerSecond: perSecond(median(importTimes)),
      rawWritePointsPerSecond: perSecond(median(rawWriteTimes)),
      memory: {
        smallPoints: small.points,
        fullPoints: points,
        exportSmallMb: small.peakMb,
        exportFullMb: full.peakMb,
        importSmallMb: smallImport.peakMb,
        importFullMb: fullImportMb,
      },
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The import's dry-run check on two files an attacker (or an accident) would send: 32 MiB with no
 * line break (refused at the longest line), and 128 MiB of ordinary lines (read whole). The raw side
 * is the floor of any check: Node reading the same file and counting its line breaks.
 */
async function dryRunRows(
  influx: Influxd,
  work: string,
  dataDir: string,
  log: (msg: string) => void,
): Promise<{ rows: BenchRow[]; memory: { name: string; peakMb: number }[] }> {
  const single = join(work, 'single-line.lp');
  writeFileSync(single, 'x'.repeat(32 * 1024 * 1024));
  const many = join(work, 'many-lines.lp');
  const now = Date.now();
  const lines: string[] = [];
  for (let i = 0; lines.length < (128 * 1024 * 1024) / 64; i++)
    lines.push(`time_based_daily,entity_id=e${i % 500},date=d frequency=${i % 97}.5 ${now - (i % 86_400) * 1000}000000`);
  writeFileSync(many, lines.join('\n') + '\n');
  const rows: BenchRow[] = [];
  const memory: { name: string; peakMb: number }[] = [];
  for (const [name, file, expectCode] of [
    ['32 MiB, one line', single, 1],
    [`${Math.round(statSync(many).size / 1024 / 1024)} MiB, ${lines.length.toLocaleString('en-US')} lines`, many, 0],
  ] as const) {
    const times: number[] = [];
    const raw: number[] = [];
    let peak = 0;
    for (let rep = 0; rep < 3; rep++) {
      const r = await runCli(influx, ['data', 'import', '--bucket', 'pattern_aggregates_daily', file, '--dry-run', '--json'], null, dataDir);
      if (r.code !== expectCode) throw new Error(`dry run of ${name} exited ${r.code}: ${r.stderr.slice(0, 300)}`);
      times.push(r.ms);
      peak = Math.max(peak, r.peakMb);
      const t0 = performance.now();
      let breaks = 0;
      for (const chunk of createReadStreamSync(file)) for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) breaks++;
      raw.push(performance.now() - t0);
      if (rep === 0) log(`  ${name}: ${breaks.toLocaleString('en-US')} line breaks`);
    }
    log(`  dry run of ${name}: ${(median(times) / 1000).toFixed(1)} s, peak ${peak.toFixed(0)} MB`);
    rows.push(
      row(
        `Import dry-run check of ${name} (CLI data import --dry-run) vs reading the file and counting its line breaks`,
        times,
        raw,
        'bounded: time linear, memory flat',
        `console peak RSS ${peak.toFixed(0)} MB; ${expectCode === 1 ? 'refused at the longest line' : 'every line parsed and checked'}`,
      ),
    );
    memory.push({ name, peakMb: peak });
  }
  return { rows, memory };
}

/** The file in 1 MiB chunks, read synchronously (the floor the dry run is compared with). */
function* createReadStreamSync(file: string): Generator<Buffer> {
  const fd = openSync(file, 'r');
  const buf = Buffer.allocUnsafe(1024 * 1024);
  try {
    for (let n = readSync(fd, buf); n > 0; n = readSync(fd, buf)) yield buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

export function printDataOps(r: DataOpsResult): void {
  const fmt = (n: number | null, d = 1) => (n === null ? '—' : n.toFixed(d));
  console.log(
    `\nData operations (${r.loadedPoints.toLocaleString('en-US')} points in HomeIQ's wire format, ${r.points.toLocaleString('en-US')} lines of line protocol; rates and memory sizes below count lines)\n`,
  );
  console.log(`${'row'.padEnd(150)} ${'console ms'.padStart(11)} ${'raw ms'.padStart(10)} ${'ratio'.padStart(6)}  goal`);
  for (const x of r.rows)
    console.log(`${x.name.padEnd(150)} ${fmt(x.consoleMs).padStart(11)} ${fmt(x.rawMs).padStart(10)} ${fmt(x.ratio, 2).padStart(6)}  ${x.goal} (n=${x.reps})`);
  console.log(
    `Lines per second: export ${r.exportPointsPerSecond.toLocaleString('en-US')} (raw query ${r.rawQueryPointsPerSecond.toLocaleString('en-US')}), import ${r.importPointsPerSecond.toLocaleString('en-US')} (raw write ${r.rawWritePointsPerSecond.toLocaleString('en-US')})`,
  );
  console.log(`CLI start-up alone (node and the bundled CLI, in every console time, once per bucket): ${r.cliStartupMs.toFixed(0)} ms`);
  const m = r.memory;
  const within = (a: number, b: number) => `${((b / a - 1) * 100).toFixed(0)}%`;
  console.log(`Peak memory of the dry-run check (VmHWM): ${r.dryRuns.map((d) => `${d.name}: ${d.peakMb.toFixed(0)} MB`).join('; ')}`);
  console.log(
    `Peak memory of the CLI (VmHWM): export ${m.exportSmallMb.toFixed(0)} MB at ${m.smallPoints.toLocaleString('en-US')} points, ${m.exportFullMb.toFixed(0)} MB at ${m.fullPoints.toLocaleString('en-US')} (${within(m.exportSmallMb, m.exportFullMb)}); import ${m.importSmallMb.toFixed(0)} MB, ${m.importFullMb.toFixed(0)} MB (${within(m.importSmallMb, m.importFullMb)}); goal: the same within 20%`,
  );
}
