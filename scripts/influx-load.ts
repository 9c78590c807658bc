/**
 * The bench's row set "InfluxDB load caused by the console": the CPU time of the influxd process
 * the bench started (utime + stime from /proc/<pid>/stat), as % of one core over a fixed window,
 * with no console (the baseline), the console idle, and one Chromium tab on each screen in turn.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { MAX_PAGED_POINTS } from '../lib/use-cases/read-measurement';
import type { Console, Influxd } from './harness';

export interface LoadRow {
  scale: string;
  what: string;
  cpuPercent: number;
  aboveBaseline: number | null;
  goal: string;
}

const CLK_TCK = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/** The PID influxd.sh recorded in the server's state folder. */
export function influxdPid(server: Influxd): number {
  for (const file of readdirSync(server.state)) {
    const m = /^pid=(\d+)$/m.exec(readFileSync(join(server.state, file), 'utf8'));
    if (m) return Number(m[1]);
  }
  throw new Error(`no pid in ${server.state}`);
}

/** CPU seconds the process has used so far (user + system). */
function cpuSeconds(pid: number): number {
  // Fields after the command name (which may hold spaces) start at the last ')'.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
}

/** % of one core the process used during `seconds` of wall time. */
export async function cpuOver(pid: number, seconds: number): Promise<number> {
  const before = cpuSeconds(pid);
  const started = performance.now();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  return ((cpuSeconds(pid) - before) / ((performance.now() - started) / 1000)) * 100;
}

/**
 * Waits until influxd has settled after a bulk write (snapshots and compactions run for minutes
 * and take a core): both sides of a row are then timed on the same quiet server, whichever ran first.
 */
export async function settle(influx: Influxd, log: (msg: string) => void): Promise<void> {
  const pid = influxdPid(influx);
  const started = performance.now();
  for (;;) {
    const cpu = await cpuOver(pid, 5);
    if (cpu < 15) break;
    if (performance.now() - started > 10 * 60_000) {
      log(`influxd still uses ${cpu.toFixed(0)}% of a core after 10 minutes: going on`);
      break;
    }
    log(`influxd settling after the write (${cpu.toFixed(0)}% of a core)`);
  }
}

export const SCREENS = [
  ['Overview', '/'],
  ['Buckets', '/buckets'],
  ['Measurements', '/measurements'],
  ['Storage', '/storage'],
  ['Verify (checks not run)', '/verify'],
  ['a measurement page (time_based_daily)', '/measurements/pattern_aggregates_daily/time_based_daily'],
] as const;

/** Queries InfluxDB has answered so far (Flux and InfluxQL), from its own /metrics. */
async function queriesAnswered(influx: Influxd): Promise<number> {
  const res = await fetch(new URL('/metrics', influx.url), { headers: { Authorization: `Token ${influx.token}` } });
  let n = 0;
  for (const line of (await res.text()).split('\n')) {
    if (line.startsWith('http_api_requests_total{') && (line.includes('path="/api/v2/query"') || line.includes('path="/query"')))
      n += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return n;
}

/** Baseline without the console; then, with the console running: idle, and each screen open alone. */
export async function measureLoad(opts: {
  influx: Influxd;
  scale: string;
  windowSeconds: number;
  startConsole: () => Promise<Console>;
  goals: { idle: number; screen: number };
  log: (msg: string) => void;
}): Promise<LoadRow[]> {
  const pid = influxdPid(opts.influx);
  const rows: LoadRow[] = [];
  // influxd settles (snapshots, compactions) for a while after data is written: the baseline is
  // measured before the console starts and again after it stops, and the lower one is used.
  // influxd snapshots and compacts for a while after a write: the windows start once it is quiet.
  await settle(opts.influx, opts.log);
  opts.log(`${opts.scale}: baseline, no console (${opts.windowSeconds} s)`);
  const before = await cpuOver(pid, opts.windowSeconds);
  const measured: LoadRow[] = [];
  const c = await opts.startConsole();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    // Steady state: the first count of the data (minutes at a million points) and the first
    // sample happen before the windows; what is measured is the cost of keeping them current.
    opts.log(`${opts.scale}: first count (warm-up, not measured)`);
    // A first count over a million series outlasts fetch's 5-minute header timeout; asking again
    // joins the count already running in the console.
    for (let tries = 0; ; tries++) {
      const done = await fetch(`${c.url}/api/stats`, { headers: { Cookie: c.cookie } }).then(
        (r) => r.ok,
        () => false,
      );
      if (done) break;
      if (tries === 10) throw new Error('the first count did not finish in 50 minutes');
    }
    await new Promise((r) => setTimeout(r, 5_000));
    opts.log(`${opts.scale}: console idle (${opts.windowSeconds} s)`);
    const idle = await cpuOver(pid, opts.windowSeconds);
    measured.push({
      scale: opts.scale,
      what: 'console idle, no browser',
      cpuPercent: idle,
      aboveBaseline: null,
      goal: `≤ ${opts.goals.idle} % above baseline`,
    });
    const [name, value] = c.cookie.split('=');
    for (const [label, path] of SCREENS) {
      const context = await browser.newContext();
      await context.addCookies([{ name: name ?? '', value: value ?? '', url: c.url }]);
      const page = await context.newPage();
      await page.goto(c.url + path);
      await page.waitForLoadState('load');
      await new Promise((r) => setTimeout(r, 3_000));
      opts.log(`${opts.scale}: one tab on ${label} (${opts.windowSeconds} s)`);
      const used = await cpuOver(pid, opts.windowSeconds);
      measured.push({ scale: opts.scale, what: `one tab on ${label}`, cpuPercent: used, aboveBaseline: null, goal: `≤ ${opts.goals.screen} % above baseline` });
      await context.close();
    }
    // A viewer in a loop on the most expensive reads it may ask for: the deepest page of the newest
    // points allowed (the cap) and the insights, one request after another for the whole window.
    const loops: [string, string][] = [
      [
        `the deepest page (${MAX_PAGED_POINTS / 500} × 500)`,
        `/api/measurement?bucket=pattern_aggregates_daily&measurement=time_based_daily&pageSize=500&page=${MAX_PAGED_POINTS / 500}`,
      ],
      ['insights', '/api/insights'],
    ];
    for (const [label, path] of loops) {
      opts.log(`${opts.scale}: one viewer looping ${label} (${opts.windowSeconds} s)`);
      let requests = 0;
      let looping = true;
      const queriesBefore = await queriesAnswered(opts.influx);
      const loop = (async () => {
        while (looping) {
          const res = await fetch(c.url + path, { headers: { Cookie: c.cookie } }).catch(() => null);
          await res?.arrayBuffer().catch(() => undefined);
          requests++;
        }
      })();
      const used = await cpuOver(pid, opts.windowSeconds);
      looping = false;
      await loop;
      const queries = (await queriesAnswered(opts.influx)) - queriesBefore;
      measured.push({
        scale: opts.scale,
        what: `a loop on ${label} (${requests} req, ${queries} queries)`,
        cpuPercent: used,
        aboveBaseline: null,
        goal: `≤ ${opts.goals.screen} % above baseline`,
      });
    }
  } finally {
    await browser.close();
    c.stop();
  }
  opts.log(`${opts.scale}: baseline again, console stopped (${opts.windowSeconds} s)`);
  const after = await cpuOver(pid, opts.windowSeconds);
  const baseline = Math.min(before, after);
  rows.push({ scale: opts.scale, what: 'no console, before', cpuPercent: before, aboveBaseline: null, goal: '' });
  rows.push({ scale: opts.scale, what: 'no console, after (baseline: the lower)', cpuPercent: after, aboveBaseline: null, goal: '' });
  rows.push(...measured.map((r) => ({ ...r, aboveBaseline: r.cpuPercent - baseline })));
  return rows;
}

export function printLoad(rows: readonly LoadRow[]): void {
  console.log('\nInfluxDB load caused by the console (influxd CPU, % of one core, from /proc/<pid>/stat)\n');
  console.log(`${'scale'.padEnd(34)} ${'window'.padEnd(60)} ${'influxd %'.padStart(9)} ${'above base'.padStart(10)}  goal`);
  for (const r of rows) {
    console.log(
      `${r.scale.padEnd(34)} ${r.what.padEnd(60)} ${r.cpuPercent.toFixed(2).padStart(9)} ${(r.aboveBaseline === null ? '—' : r.aboveBaseline.toFixed(2)).padStart(10)}  ${r.goal}`,
    );
  }
}
