/**
 * What the load and benchmark scripts share: a real influxd and the built console, started
 * and stopped by the scripts themselves, a signed-in HTTP client, and the server's memory.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseInfluxdExports } from '../tools/influxd/exports';

export const repo = join(__dirname, '..');

/** One bench row: the console's median time against the raw API's, with their spreads. */
export interface BenchRow {
  name: string;
  consoleMs: number | null;
  rawMs: number | null;
  ratio: number | null;
  reps: number;
  consoleSpreadMs: [number, number] | null;
  rawSpreadMs: [number, number] | null;
  goal: string;
  note?: string;
}

export function benchRow(name: string, consoleTimes: number[] | null, rawTimes: number[] | null, goal: string, note?: string): BenchRow {
  const c = consoleTimes?.length ? median(consoleTimes) : null;
  const r = rawTimes?.length ? median(rawTimes) : null;
  const spread = (t: number[] | null): [number, number] | null => (t?.length ? [Math.min(...t), Math.max(...t)] : null);
  return {
    name,
    consoleMs: c,
    rawMs: r,
    ratio: c !== null && r ? c / r : null,
    reps: consoleTimes?.length ?? rawTimes?.length ?? 0,
    consoleSpreadMs: spread(consoleTimes),
    rawSpreadMs: spread(rawTimes),
    goal,
    ...(note === undefined ? {} : { note }),
  };
}

export interface Influxd {
  url: string;
  token: string;
  state: string;
}

/**
 * What a script started and has not stopped yet: a Ctrl-C, a kill of the script or a crash
 * (an uncaught error or an unhandled rejection: its `finally` blocks do not run then) stops it all.
 */
const running = new Map<string, () => void>();
let handlersInstalled = false;
function stopAll(): void {
  for (const stop of running.values()) {
    try {
      stop();
    } catch {
      // keep stopping the others
    }
  }
  running.clear();
}
function track(key: string, stop: () => void): void {
  running.set(key, stop);
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.on(signal, () => {
      stopAll();
      process.exit(code);
    });
  }
  // Synchronous stops only (execFileSync, kill): Node emits 'exit' after a crash too.
  process.on('exit', stopAll);
}

/**
 * A gzipped line-protocol batch to /api/v2/write, tried again (up to 4 times, 1 s, 2 s, 4 s apart)
 * when influxd answers 5xx: a busy server times a write out ("timeout") and takes it on the next try.
 */
export async function postWrite(influx: { url: string; token: string }, bucket: string, body: Uint8Array<ArrayBuffer>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const r = await fetch(`${influx.url}/api/v2/write?org=homeiq&bucket=${encodeURIComponent(bucket)}&precision=ns`, {
      method: 'POST',
      body,
      headers: { Authorization: `Token ${influx.token}`, 'Content-Encoding': 'gzip' },
    });
    if (r.ok) return;
    const text = await r.text();
    if (r.status < 500 || attempt >= 3) throw new Error(`write to ${bucket} refused (${r.status}): ${text}`);
    process.stderr.write(`[bench] write to ${bucket} answered ${r.status} (${text.slice(0, 120)}): trying again\n`);
    await new Promise((done) => setTimeout(done, 1000 * 2 ** attempt));
  }
}

/** Writes in flight, at most `limit` at once; a failure surfaces at the next wait, never as an unhandled rejection. */
export function inFlight(limit: number): { add(write: Promise<void>): Promise<void>; drain(): Promise<void> } {
  const pending: Promise<void>[] = [];
  return {
    async add(write) {
      write.catch(() => {}); // observed here; awaited (and thrown) below
      pending.push(write);
      if (pending.length >= limit) await pending.shift();
    },
    async drain() {
      await Promise.all(pending.splice(0));
    },
  };
}

export function startInfluxd(flags = ''): Influxd {
  const state = mkdtempSync(join(tmpdir(), 'homeiq-bench-state-'));
  track(state, () =>
    execFileSync('bash', [join(repo, 'tools/influxd/influxd.sh'), 'stop'], { env: { ...process.env, HOMEIQ_INFLUXD_STATE: state }, stdio: 'inherit' }),
  );
  const out = execFileSync('bash', [join(repo, 'tools/influxd/influxd.sh'), 'start'], {
    env: { ...process.env, HOMEIQ_INFLUXD_STATE: state, HOMEIQ_INFLUXD_FLAGS: flags },
    stdio: ['ignore', 'pipe', 'inherit'],
  }).toString();
  const { url, token } = parseInfluxdExports(out);
  return { url, token, state };
}

export function stopInfluxd(server: Influxd): void {
  running.delete(server.state);
  execFileSync('bash', [join(repo, 'tools/influxd/influxd.sh'), 'stop'], { env: { ...process.env, HOMEIQ_INFLUXD_STATE: server.state }, stdio: 'inherit' });
}

export interface Console {
  url: string;
  pid: number;
  child: ChildProcess;
  cookie: string;
  stop(): void;
}

export const ADMIN_PASSWORD = 'bench-admin-password';

/** Starts the built console (the standalone server, through scripts/serve.sh) on a port against a server, and signs in as admin. */
export async function startConsole(influx: Influxd, port: number, extraEnv: Record<string, string> = {}): Promise<Console> {
  // The standalone server, as the container runs it (built, with its static files, when the sources changed).
  execFileSync('bash', ['-c', 'source scripts/lib.sh && ensure_next_build'], { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] });
  const data = mkdtempSync(join(tmpdir(), 'homeiq-bench-console-'));
  const child = spawn('bash', [join(repo, 'scripts/serve.sh')], {
    cwd: repo,
    env: {
      ...process.env,
      PORT: String(port),
      HOSTNAME_BIND: '127.0.0.1',
      CONSOLE_LOG_FILE: join(data, 'console-server.log'),
      INFLUXDB_URL: influx.url,
      INFLUXDB_TOKEN: influx.token,
      INFLUXDB_ORG: 'homeiq',
      CONSOLE_DATA_DIR: data,
      CONSOLE_ADMIN_PASSWORD: ADMIN_PASSWORD,
      NEXT_TELEMETRY_DISABLED: '1',
      ...extraEnv,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const key = `console:${port}`;
  track(key, () => child.kill('SIGTERM'));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    const up = await fetch(`${url}/login`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ password: ADMIN_PASSWORD }),
  });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  if (!res.ok || !cookie) throw new Error(`could not sign in to the console (${res.status})`);
  return {
    url,
    pid: child.pid ?? 0,
    child,
    cookie,
    stop: () => {
      running.delete(key);
      child.kill('SIGTERM');
    },
  };
}

/** Resident memory of a process and its children, in MB (Linux /proc). */
export function rssMb(pid: number): number {
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) {
    try {
      const children = readFileSync(`/proc/${pids[i]}/task/${pids[i]}/children`, 'utf8').trim();
      if (children) pids.push(...children.split(/\s+/).map(Number));
    } catch {
      // the process ended
    }
  }
  let kb = 0;
  for (const p of pids) {
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      kb += Number(m?.[1] ?? 0);
    } catch {
      // the process ended
    }
  }
  return kb / 1024;
}

/** Samples the RSS every 100 ms until stopped; returns the peak. */
export function watchPeakRss(pid: number): { stop(): number } {
  let peak = rssMb(pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, rssMb(pid));
  }, 100);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, rssMb(pid));
    },
  };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

export function median(values: readonly number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

/** Runs `fn` `reps` times, returns each duration in ms. */
export async function timeReps(reps: number, fn: () => Promise<unknown>, before?: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < reps; i++) {
    if (before) await before();
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

export function freePort(): number {
  return Number(execFileSync('python3', ['-c', 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])']).toString().trim());
}
