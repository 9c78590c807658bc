/**
 * `npm run bench`: the console against the raw InfluxDB API, side by side in one run, on a real
 * influxd this script starts. Prints a table and writes bench/results.json:
 *   {"rows": [{"name", "consoleMs", "rawMs", "ratio"}], "firstLoadKb": {"<route>": kB}, "emptyPageKb", "measurementsRenderMs", "measurementsRenderVisitsMs", "peakRssMb"}
 * Options: --points N (default 1,000,000), --reps N (default 5), --cold-reps N (default 1), --buckets N (default 1,000), --skip-naive,
 *   --counts-only (only the record-count rows, verification and the Measurements render),
 *   --insights (adds the Insights rows: both buckets' insights against the same raw count query).
 *
 * `npm run bench -- --influx-load [--window 60] [--load-points 1000000] [--skip-homeiq-scale]` runs only the row set
 * "InfluxDB load caused by the console" (scripts/influx-load.ts): influxd CPU with no console, the
 * console idle and one tab on each screen, at HomeIQ scale (cli seed --entities 30) and at
 * --load-points points (0 skips it); writes bench/influx-load.json.
 *
 * `--data-ops` adds the data-operation rows (scripts/data-ops.ts) to the run: export vs the raw Flux
 * query of the same rows, import of that export into new buckets vs raw /api/v2/write of the same
 * file in the same batches, points per second, and the CLI's peak memory at ~10% and at all of
 * --points; `--data-ops-only` runs just those (no console server, no build needed) and writes
 * bench/data-ops.json.
 *
 * `--backups` adds the backup rows (scripts/backup-bench.ts) at --points: `backup create` against the
 * raw API fetching the same shards, `backup restore` against the raw restore calls, the backup's size
 * against gzipped line protocol, the CLI's peak memory. `--backups-only [--backup-points 100000,1000000]`
 * runs just those, at each size in turn on one influxd (the points added between steps), and writes
 * bench/backups.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { bulkLines } from '../lib/aggregates/bulk';
import { connection } from '../lib/influx/client';
import { provision } from '../lib/provision/apply';
import { ai5Spec } from '../lib/spec/load';
import { DEFAULT_SAMPLE, loadSample } from '../lib/aggregates/load-sample';
import { openSession } from '../lib/influx/session';
import {
  benchRow,
  freePort,
  inFlight,
  median,
  postWrite,
  repo,
  startConsole,
  startInfluxd,
  stopInfluxd,
  timeReps,
  watchPeakRss,
  type BenchRow,
  type Console,
  type Influxd,
} from './harness';
import { measureLoad, printLoad, settle, type LoadRow } from './influx-load';
import { measureDataOps, printDataOps, type DataOpsResult } from './data-ops';
import { countFloor } from './count-floor';
import { lineProtocolGzipBytes, measureBackupStep, printBackups, stepBatches, type BackupBenchStep } from './backup-bench';

type Row = BenchRow;

const spec = ai5Spec();
const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);

const row = benchRow;

function api(influx: Influxd) {
  return async (path: string, init: RequestInit = {}) => {
    const res = await fetch(influx.url + path, {
      ...init,
      headers: { Authorization: `Token ${influx.token}`, 'Content-Type': 'application/json', ...(init.headers ?? {}) },
    });
    if (!res.ok && res.status !== 204) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`);
    return res.status === 204 ? null : res.json();
  };
}

/**
 * An HTTP request with no client-side time limit: fetch gives up on headers after 300 s, and a raw
 * count over a million series, or the console's cold count of it, can take longer.
 */
function untimed(url: string, init: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: string }): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: init.method, headers: init.headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 500, text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

/** A raw Flux query: its CSV. */
async function flux(influx: Influxd, query: string): Promise<string> {
  const { status, text } = await untimed(`${influx.url}/api/v2/query?org=homeiq`, {
    method: 'POST',
    headers: { Authorization: `Token ${influx.token}`, 'Content-Type': 'application/vnd.flux' },
    body: query,
  });
  if (status >= 300) throw new Error(`query answered ${status}: ${text}`);
  return text;
}

/** A raw InfluxQL query on a bucket's database: its JSON, refused on any statement error. */
async function influxql(influx: Influxd, db: string, query: string): Promise<string> {
  const body = new URLSearchParams({ db, q: query }).toString();
  const { status, text } = await untimed(`${influx.url}/query`, {
    method: 'POST',
    headers: { Authorization: `Token ${influx.token}`, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body,
  });
  if (status >= 300 || text.includes('"error"')) throw new Error(`InfluxQL answered ${status}: ${text.slice(0, 300)}`);
  return text;
}

/** A GET to the console: its JSON body, refused unless `ok`. */
async function consoleGet(c: Console, path: string): Promise<unknown> {
  const { text } = await untimed(c.url + path, { method: 'GET', headers: { Cookie: c.cookie } });
  const body = JSON.parse(text) as { ok: boolean; error?: unknown };
  if (!body.ok) throw new Error(`${path}: ${JSON.stringify(body.error)}`);
  return body;
}

/** Row 1: the console's apply of the AI-5 plan against the seed's Method 4, each from a clean org. */
async function benchProvision(influx: Influxd, reps: number): Promise<Row> {
  const call = api(influx);
  const conn = connection({ url: influx.url, token: influx.token, org: 'homeiq' });
  const clean = async () => {
    const orgID = ((await call('/api/v2/orgs?org=homeiq')) as { orgs: { id: string }[] }).orgs[0]?.id;
    const list = (await call(`/api/v2/buckets?orgID=${orgID}&limit=100`)) as { buckets: { id: string; name: string }[] };
    for (const b of list.buckets) if (b.name.startsWith('pattern_aggregates_')) await call(`/api/v2/buckets/${b.id}`, { method: 'DELETE' });
  };
  const raw = async () => {
    const orgID = ((await call('/api/v2/orgs?org=homeiq')) as { orgs: { id: string }[] }).orgs[0]?.id;
    for (const b of spec.buckets) {
      await call('/api/v2/buckets', {
        method: 'POST',
        body: JSON.stringify({ orgID, name: b.name, description: b.description, retentionRules: [{ type: 'expire', everySeconds: b.retention }] }),
      });
    }
  };
  const consoleTimes = await timeReps(reps, () => provision(spec, {}, conn), clean);
  const rawTimes = await timeReps(reps, raw, clean);
  await provision(spec, {}, conn);
  return row(
    'Provision AI-5 buckets (apply vs seed Method 4)',
    consoleTimes,
    rawTimes,
    'ratio <= 1.2',
    'console: plan (org lookup + full bucket list) then apply, in-process; raw: org lookup + two POSTs',
  );
}

/** Row 2: listing 1,000 buckets through the console's route against the minimal raw paged fetch. */
async function benchList(influx: Influxd, c: Console, count: number, reps: number): Promise<Row> {
  const call = api(influx);
  const orgID = ((await call('/api/v2/orgs?org=homeiq')) as { orgs: { id: string }[] }).orgs[0]?.id ?? '';
  log(`creating ${count} buckets`);
  for (let i = 0; i < count; i += 25) {
    await Promise.all(
      Array.from({ length: Math.min(25, count - i) }, (_, j) =>
        call('/api/v2/buckets', { method: 'POST', body: JSON.stringify({ orgID, name: `bench_${String(i + j).padStart(5, '0')}`, retentionRules: [] }) }),
      ),
    );
  }
  const raw = async () => {
    const all: unknown[] = [];
    for (let offset = 0; ; offset += 100) {
      const page = (await call(`/api/v2/buckets?orgID=${orgID}&limit=100&offset=${offset}`)) as { buckets: unknown[] };
      all.push(...page.buckets);
      if (page.buckets.length < 100) break;
    }
    return all;
  };
  const consoleTimes = await timeReps(reps, () => consoleGet(c, '/api/buckets'));
  const rawTimes = await timeReps(reps, raw);
  return row(
    `List ${count.toLocaleString('en-US')} buckets (GET /api/buckets vs raw paging)`,
    consoleTimes,
    rawTimes,
    'ratio <= 1.2',
    'console: HTTP to the console, which pages InfluxDB at 100 per page, plus the org lookup and JSON',
  );
}

async function writeBulk(influx: Influxd, points: number): Promise<number> {
  const started = performance.now();
  const writes = inFlight(2);
  let done = 0;
  for (const { bucket, lines } of bulkLines(spec, { total: points, days: 90 }, 10_000)) {
    await writes.add(postWrite(influx, bucket, gzipSync(lines.join('\n'))));
    done += lines.length;
    if (done % 100_000 === 0) log(`wrote ${done.toLocaleString('en-US')} points`);
  }
  await writes.drain();
  return performance.now() - started;
}

/**
 * The best single raw Flux query for the counts: one field per measurement, pushed down, summed
 * per measurement. Exact only when every point carries that field (the console's count is exact
 * for any point, and reads every field). InfluxQL's count of the same field (rawInfluxqlCount) is
 * faster still; the bench shows the cold count against both.
 */
function rawCountQuery(bucket: (typeof spec.buckets)[number]): string {
  const filter = bucket.measurements.map((m) => `(r._measurement == "${m.name}" and r._field == "${Object.keys(m.fields)[0] ?? ''}")`).join(' or ');
  return `from(bucket: "${bucket.name}") |> range(start: 1970-01-01T00:00:00Z, stop: 2262-04-11T00:00:00Z) |> filter(fn: (r) => ${filter}) |> count() |> group(columns: ["_measurement"]) |> sum()`;
}

/**
 * The same count of one field per measurement in InfluxQL (the engine the console reads points
 * with), for contrast: one field counted inside InfluxDB, against the console reading every point.
 */
function rawInfluxqlCount(bucket: (typeof spec.buckets)[number]): string {
  return bucket.measurements.map((m) => `SELECT count("${Object.keys(m.fields)[0] ?? ''}") FROM "${m.name}"`).join('; ');
}

/** One more day of HomeIQ's writes (a 90th of the data, every measurement), as new series stamped today. */
async function writeOneDay(influx: Influxd, points: number, tag: string): Promise<void> {
  for (const { bucket, lines } of bulkLines(spec, { total: Math.max(1, Math.round(points / 90)), days: 1, entityPrefix: tag }, 10_000)) {
    await postWrite(influx, bucket, gzipSync(lines.join('\n')));
  }
}

/** The raw count times of the run, for the rows that compare against them after the counts. */
let rawCountTimes: number[] = [];

async function benchStats(influx: Influxd, c: Console, points: number, reps: number, coldReps: number, naiveToo: boolean): Promise<Row[]> {
  const rawAll = () => Promise.all(spec.buckets.map((b) => flux(influx, rawCountQuery(b))));
  const secs = (t: number[]) => t.map((x) => `${(x / 1000).toFixed(1)} s`).join(', ');
  log('raw count queries');
  const rawTimes = await timeReps(reps, rawAll);
  rawCountTimes = rawTimes;
  log(`raw: ${secs(rawTimes)}; the same count in InfluxQL`);
  const rawInfluxqlTimes = await timeReps(reps, () => Promise.all(spec.buckets.map((b) => influxql(influx, b.name, rawInfluxqlCount(b)))));
  log(`raw InfluxQL: ${secs(rawInfluxqlTimes)}; cold counts (every slice, ?full=1)`);
  const coldTimes = await timeReps(coldReps, () => consoleGet(c, '/api/stats?full=1'));
  log(`cold: ${secs(coldTimes)}; the floor: the same slices read by a minimal streaming InfluxQL client`);
  const listed = (await api(influx)('/api/v2/buckets?org=homeiq&limit=100')) as {
    buckets: { name: string; retentionRules?: { everySeconds?: number; shardGroupDurationSeconds?: number }[] }[];
  };
  const countable = spec.buckets.map((b) => {
    const rule = listed.buckets.find((x) => x.name === b.name)?.retentionRules?.[0];
    return { name: b.name, retentionSeconds: rule?.everySeconds ?? 0, shardGroupDurationSeconds: rule?.shardGroupDurationSeconds };
  });
  const floorTimes = await timeReps(coldReps, () => countFloor(influx, countable));
  log(`cold: ${secs(coldTimes)}; refreshes after one more day of writes (?fresh=1)`);
  let day = 0;
  const dayTimes = await timeReps(
    reps,
    () => consoleGet(c, '/api/stats?fresh=1'),
    () => writeOneDay(influx, points, `day${++day}`),
  );
  log(`after a day: ${secs(dayTimes)}; refreshes with nothing written`);
  const quietTimes = await timeReps(reps, () => consoleGet(c, '/api/stats?fresh=1'));
  const rows = [
    row(
      'Counts, cold: every slice of both buckets counted, every Measurements figure (GET /api/stats?full=1) vs the best raw Flux count query per bucket',
      coldTimes,
      rawTimes,
      'ratio <= 1.0',
      'exact points (any field): InfluxQL SELECT * per measurement in shard-group slices, 2 at a time across both buckets; raw counts one field per measurement with Flux, not exact for points without it',
    ),
    row(
      'Counts, cold (as above) vs the same raw count of one field per measurement in InfluxQL (contrast)',
      coldTimes,
      rawInfluxqlTimes,
      'contrast only',
      'InfluxDB counts one field itself; the console reads every point of every field',
    ),
    row(
      'Counts, cold (as above) vs the floor: the same slices read with raw InfluxQL SELECT * by a minimal streaming client counting rows and distinct tag sets',
      coldTimes,
      floorTimes,
      'ratio <= 1.1',
      'the floor: 2 slices at a time, JSON.parse of each chunk, no cache, no index reads',
    ),
    row(
      'Counts, refresh after one more day of writes (GET /api/stats?fresh=1) vs the raw full count',
      dayTimes,
      rawTimes,
      'ratio <= 0.05',
      'before each rep, a 90th of the points is written as new series stamped today, straight to InfluxDB',
    ),
    row('Counts, refresh with nothing written (GET /api/stats?fresh=1) vs the raw full count', quietTimes, rawTimes, 'ratio <= 0.05'),
  ];
  if (naiveToo) {
    log('naive counting (one query per measurement per field), once');
    const naive = await timeReps(1, async () => {
      for (const b of spec.buckets)
        for (const m of b.measurements)
          for (const f of Object.keys(m.fields))
            await flux(
              influx,
              `from(bucket: "${b.name}") |> range(start: 1970-01-01T00:00:00Z, stop: 2262-04-11T00:00:00Z) |> filter(fn: (r) => r._measurement == "${m.name}" and r._field == "${f}") |> count()`,
            );
    });
    rows.push(row('Stats, naive: count per measurement per field (for contrast)', naive, rawTimes, 'contrast only'));
  }
  // Through the cache, as the screens see it.
  await consoleGet(c, '/api/stats');
  const cached = await timeReps(reps, () => consoleGet(c, '/api/stats'));
  rows.push(row('Stats as the screens get them (cached, checked in the background)', cached, rawTimes, 'ratio <= 0.05'));
  return rows;
}

/**
 * Insights of both buckets (GET /api/insights) against the raw count query of the same run: with
 * the counts known (what the screens pay), with a fresh check of the counts, and from cold (every
 * slice counted again first, then the insights).
 */
async function benchInsights(c: Console, reps: number): Promise<Row[]> {
  const secs = (t: number[]) => t.map((x) => `${(x / 1000).toFixed(1)} s`).join(', ');
  await consoleGet(c, '/api/insights');
  const known = await timeReps(reps, () => consoleGet(c, '/api/insights'));
  log(`insights, counts known: ${secs(known)}; with a fresh check of the counts`);
  const fresh = await timeReps(reps, () => consoleGet(c, '/api/insights?fresh=1'));
  log(`insights, fresh: ${secs(fresh)}; from cold (?full=1, then insights), once`);
  const cold = await timeReps(1, async () => {
    await consoleGet(c, '/api/stats?full=1');
    await consoleGet(c, '/api/insights?fresh=1');
  });
  log(`insights, cold: ${secs(cold)}`);
  const body = (await consoleGet(c, '/api/insights')) as { data: { findings: { kind: string }[] } };
  const kinds = [...new Set(body.data.findings.map((f) => f.kind))].join(', ');
  return [
    row(
      'Insights of both buckets, counts known (GET /api/insights) vs the raw full count',
      known,
      rawCountTimes,
      'ratio <= 1.5',
      `index reads (tag values, SHOW FIELD KEYS) and /metrics on the counts in console.db; findings: ${kinds || 'none'}`,
    ),
    row('Insights of both buckets, counts checked fresh (GET /api/insights?fresh=1) vs the raw full count', fresh, rawCountTimes, 'ratio <= 1.5'),
    row(
      'Insights of both buckets from cold: every slice counted, then insights (?full=1 + /api/insights) vs the raw full count',
      cold,
      rawCountTimes,
      'ratio <= 1.5',
      'the cold count is most of it',
    ),
  ];
}

async function benchVerify(c: Console, reps: number): Promise<Row> {
  const times = await timeReps(reps, async () => {
    const res = await fetch(`${c.url}/api/verify`, { method: 'POST', headers: { Cookie: c.cookie, Origin: c.url } });
    const text = await res.text();
    if (!text.includes('"type":"done"')) throw new Error('verification did not finish');
  });
  return row('Verification: the full check suite (POST /api/verify), counts up to date', times, null, '<= 5000 ms');
}

async function firstLoadKb(c: Console, path: string): Promise<number> {
  const html = await (await fetch(c.url + path, { headers: { Cookie: c.cookie } })).text();
  const srcs = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1] ?? '');
  let bytes = 0;
  for (const src of new Set(srcs)) bytes += gzipSync(Buffer.from(await (await fetch(new URL(src, c.url))).arrayBuffer())).length;
  return bytes / 1024;
}

/**
 * The Measurements screen drawn to its first bar in both buckets, in one headless Chromium: the
 * median of 7 visits, the first with a cold browser cache among them. The median of 3 visits, the
 * bench's former figure, went from 0.54 to 1.19 s over ten rounds of one build on this 2-core
 * machine with nothing else running.
 */
async function measurementsRender(c: Console): Promise<{ medianMs: number; visitsMs: number[] }> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const [name, value] = c.cookie.split('=');
    await context.addCookies([{ name: name ?? '', value: value ?? '', url: c.url }]);
    const page = await context.newPage();
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      const started = performance.now();
      await page.goto(`${c.url}/measurements`);
      for (const b of spec.buckets)
        await page.getByTestId(`charts-${b.name}`).locator('.recharts-bar-rectangle').first().waitFor({ state: 'visible', timeout: 120_000 });
      times.push(performance.now() - started);
    }
    return { medianMs: median(times), visitsMs: times };
  } finally {
    await browser.close();
  }
}

/** The row set "InfluxDB load caused by the console", at HomeIQ scale and at `loadPoints` points. */
async function benchInfluxLoad(windowSeconds: number, loadPoints: number, homeiqScale: boolean): Promise<void> {
  const influx = startInfluxd();
  const rows: LoadRow[] = [];
  try {
    const conn = connection({ url: influx.url, token: influx.token, org: 'homeiq' });
    await provision(spec, {}, conn);
    const sample = await loadSample(spec, { ...DEFAULT_SAMPLE, entities: 30 }, () => {}, await openSession(conn.env));
    const port = freePort();
    const start = () => startConsole(influx, port);
    if (homeiqScale)
      rows.push(
        ...(await measureLoad({
          influx,
          scale: `HomeIQ scale (${sample.points.toLocaleString('en-US')} points)`,
          windowSeconds,
          startConsole: start,
          goals: { idle: 1, screen: 3 },
          log,
        })),
      );
    if (loadPoints > 0) {
      log(`writing ${loadPoints.toLocaleString('en-US')} points`);
      await writeBulk(influx, loadPoints);
      rows.push(
        ...(await measureLoad({
          influx,
          scale: `${loadPoints.toLocaleString('en-US')} points (+ HomeIQ scale)`,
          windowSeconds,
          startConsole: start,
          goals: { idle: 2, screen: 5 },
          log,
        })),
      );
    }
  } finally {
    stopInfluxd(influx);
  }
  printLoad(rows);
  mkdirSync(join(repo, 'bench'), { recursive: true });
  writeFileSync(join(repo, 'bench', 'influx-load.json'), JSON.stringify({ windowSeconds, rows, ranAt: new Date().toISOString() }, null, 2));
  log('wrote bench/influx-load.json');
}

/** Only the data-operation rows, on their own influxd with --points loaded. */
async function benchDataOpsOnly(points: number, reps: number): Promise<void> {
  const influx = startInfluxd();
  try {
    await provision(spec, {}, connection({ url: influx.url, token: influx.token, org: 'homeiq' }));
    log(`writing ${points.toLocaleString('en-US')} points`);
    await writeBulk(influx, points);
    const result = await measureDataOps(influx, points, reps, log);
    printDataOps(result);
    mkdirSync(join(repo, 'bench'), { recursive: true });
    writeFileSync(join(repo, 'bench', 'data-ops.json'), JSON.stringify({ ...result, ranAt: new Date().toISOString() }, null, 2));
    log('wrote bench/data-ops.json');
  } finally {
    stopInfluxd(influx);
  }
}

/** Only the backup rows: on one influxd, each size in turn (the points of the next step added to the last). */
async function benchBackupsOnly(sizes: number[], reps: number): Promise<void> {
  const influx = startInfluxd();
  try {
    await provision(spec, {}, connection({ url: influx.url, token: influx.token, org: 'homeiq' }));
    const steps: BackupBenchStep[] = [];
    let loaded = 0;
    const prefixes: { prefix: string; points: number }[] = [];
    for (const [i, size] of sizes.entries()) {
      const add = size - loaded;
      const prefix = `s${i}e`;
      log(`backups: writing ${add.toLocaleString('en-US')} more points (${size.toLocaleString('en-US')} in all)`);
      const writes = inFlight(2);
      for (const { bucket, lines } of stepBatches(add, prefix)) await writes.add(postWrite(influx, bucket, gzipSync(lines.join('\n'))));
      await writes.drain();
      loaded = size;
      prefixes.push({ prefix, points: add });
      const lp = await lineProtocolGzipBytes(
        (function* () {
          for (const p of prefixes) yield* stepBatches(p.points, p.prefix);
        })(),
      );
      steps.push(await measureBackupStep(influx, size, lp, reps, i === 0, log));
    }
    printBackups(steps);
    mkdirSync(join(repo, 'bench'), { recursive: true });
    writeFileSync(join(repo, 'bench', 'backups.json'), JSON.stringify({ steps, ranAt: new Date().toISOString() }, null, 2));
    log('wrote bench/backups.json');
  } finally {
    stopInfluxd(influx);
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      'data-ops': { type: 'boolean', default: false },
      'data-ops-only': { type: 'boolean', default: false },
      points: { type: 'string', default: '1000000' },
      reps: { type: 'string', default: '5' },
      buckets: { type: 'string', default: '1000' },
      'skip-naive': { type: 'boolean', default: false },
      'cold-reps': { type: 'string', default: '1' },
      'counts-only': { type: 'boolean', default: false },
      'influx-load': { type: 'boolean', default: false },
      window: { type: 'string', default: '60' },
      'load-points': { type: 'string', default: '1000000' },
      'skip-homeiq-scale': { type: 'boolean', default: false },
      insights: { type: 'boolean', default: false },
      backups: { type: 'boolean', default: false },
      'backups-only': { type: 'boolean', default: false },
      'backup-points': { type: 'string', default: '100000,1000000' },
    },
  });
  if (values['backups-only'])
    return benchBackupsOnly(
      values['backup-points']
        .split(',')
        .map(Number)
        .filter((n) => n > 0)
        .sort((a, b) => a - b),
      Math.min(3, Math.max(1, Number(values.reps))),
    );
  if (values['influx-load'])
    return benchInfluxLoad(Math.max(5, Number(values.window)), Math.max(0, Number(values['load-points'])), !values['skip-homeiq-scale']);
  if (values['data-ops-only']) return benchDataOpsOnly(Number(values.points), Math.min(3, Math.max(1, Number(values.reps))));
  const points = Number(values.points);
  const reps = Math.max(1, Number(values.reps));
  const influx = startInfluxd();
  const c = await startConsole(influx, freePort(), { CONSOLE_SAMPLER: 'off' });
  const rows: Row[] = [];
  try {
    const countsOnly = values['counts-only'];
    if (countsOnly) await provision(spec, {}, connection({ url: influx.url, token: influx.token, org: 'homeiq' }));
    else {
      log('row 1: provision');
      rows.push(await benchProvision(influx, reps));
    }
    const peak = watchPeakRss(c.pid);
    if (!countsOnly) {
      log('row 2: list buckets');
      rows.push(await benchList(influx, c, Number(values.buckets), reps));
    }
    log(`row 3: writing ${points.toLocaleString('en-US')} points (batched line protocol, gzip)`);
    const writeMs = await writeBulk(influx, points);
    log(`wrote ${points.toLocaleString('en-US')} points in ${(writeMs / 1000).toFixed(1)} s`);
    await settle(influx, log);
    rows.push(...(await benchStats(influx, c, points, Math.min(reps, 3), Math.max(1, Number(values['cold-reps'])), !values['skip-naive'])));
    if (values.insights) {
      log('row 3b: insights');
      rows.push(...(await benchInsights(c, Math.min(reps, 3))));
    }
    log('row 4: verification');
    rows.push(await benchVerify(c, Math.min(reps, 3)));
    log('row 5: pages');
    const routes = countsOnly ? [] : ['/', '/buckets', '/provision', '/verify', '/measurements', '/storage', '/audit'];
    const firstLoad: Record<string, number> = {};
    for (const r of routes) firstLoad[r] = await firstLoadKb(c, r);
    // The framework's own 404 page of the same build: the root layout and nothing of the console.
    const emptyPageKb = countsOnly ? Number.NaN : await firstLoadKb(c, '/bench-empty-page');
    const render = await measurementsRender(c);
    const measurementsRenderMs = render.medianMs;
    const peakRssMb = peak.stop();
    let backups: BackupBenchStep | null = null;
    if (values.backups) {
      log('row 7: backups (create, restore, size)');
      backups = await measureBackupStep(
        influx,
        points,
        await lineProtocolGzipBytes(bulkLines(spec, { total: points, days: 90 }, 10_000)),
        Math.min(reps, 3),
        false,
        log,
      );
    }
    let dataOps: DataOpsResult | null = null;
    if (values['data-ops']) {
      log('row 6: data operations (export, import)');
      dataOps = await measureDataOps(influx, points, Math.min(reps, 3), log);
    }

    const fmt = (n: number | null, d = 1) => (n === null ? '—' : n.toFixed(d));
    console.log(
      `\nBenchmark: console vs raw InfluxDB API (influxd ${influx.url}, ${points.toLocaleString('en-US')} points, medians of ${reps} runs unless noted)\n`,
    );
    console.log(`${'row'.padEnd(96)} ${'console ms'.padStart(11)} ${'raw ms'.padStart(10)} ${'ratio'.padStart(6)}  spread (console; raw)`);
    for (const r of rows) {
      const spread = `${r.consoleSpreadMs ? r.consoleSpreadMs.map((x) => x.toFixed(0)).join('–') : '—'}; ${r.rawSpreadMs ? r.rawSpreadMs.map((x) => x.toFixed(0)).join('–') : '—'} (n=${r.reps})`;
      console.log(`${r.name.padEnd(96)} ${fmt(r.consoleMs).padStart(11)} ${fmt(r.rawMs).padStart(10)} ${fmt(r.ratio, 2).padStart(6)}  ${spread}`);
    }
    console.log(
      `\nData generation for row 3: ${points.toLocaleString('en-US')} points in ${(writeMs / 1000).toFixed(1)} s (${Math.round(points / (writeMs / 1000)).toLocaleString('en-US')} points/s)`,
    );
    if (!countsOnly) console.log(`\nFirst-load JavaScript (gzip), empty page of the same build: ${emptyPageKb.toFixed(1)} kB`);
    for (const [route, kb] of Object.entries(firstLoad))
      console.log(`  ${route.padEnd(14)} ${kb.toFixed(1).padStart(7)} kB  ${(kb / emptyPageKb).toFixed(2)}× the empty page`);
    console.log(
      `\nMeasurements screen fully rendered in headless Chromium (${points.toLocaleString('en-US')} points, stats cached): ${measurementsRenderMs.toFixed(0)} ms, median of ${render.visitsMs.length} visits (goal <= 1000 ms); each visit: ${render.visitsMs.map((t) => t.toFixed(0)).join(', ')} ms, the first with a cold cache`,
    );
    console.log(`Console server peak RSS during rows 2 to 5: ${peakRssMb.toFixed(0)} MB`);
    if (dataOps) printDataOps(dataOps);
    if (backups) printBackups([backups]);

    mkdirSync(join(repo, 'bench'), { recursive: true });
    const results = {
      rows: rows.map((r) => ({
        name: r.name,
        consoleMs: r.consoleMs,
        rawMs: r.rawMs,
        ratio: r.ratio,
        reps: r.reps,
        consoleSpreadMs: r.consoleSpreadMs,
        rawSpreadMs: r.rawSpreadMs,
        goal: r.goal,
        note: r.note,
      })),
      firstLoadKb: firstLoad,
      emptyPageKb,
      measurementsRenderMs,
      measurementsRenderVisitsMs: render.visitsMs,
      peakRssMb,
      ...(dataOps ? { dataOps } : {}),
      ...(backups ? { backups } : {}),
      points,
      dataGenerationMs: writeMs,
      ranAt: new Date().toISOString(),
    };
    writeFileSync(join(repo, 'bench', 'results.json'), JSON.stringify(results, null, 2));
    log('wrote bench/results.json');
  } finally {
    c.stop();
    stopInfluxd(influx);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
