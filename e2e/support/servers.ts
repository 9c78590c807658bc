import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseInfluxdExports } from '../../tools/influxd/exports';

const script = join(__dirname, '..', '..', 'tools', 'influxd', 'influxd.sh');

export interface E2eInfluxd {
  url: string;
  token: string;
  org: string;
  port: string;
  data: string;
  state: string;
}

/** Starts a real influxd (sync: the Playwright config needs its address before the web servers start). */
export function startInfluxdSync(opts: { port?: string; data?: string; state?: string } = {}): E2eInfluxd {
  const state = opts.state ?? mkdtempSync(join(tmpdir(), 'homeiq-e2e-state-'));
  const data = opts.data ?? mkdtempSync(join(tmpdir(), 'homeiq-e2e-data-'));
  const args = ['start', '--data', data, ...(opts.port ? ['--port', opts.port] : [])];
  // Snapshot the write cache after 1 s idle (default 30 s), so bytes on disk show up quickly.
  const flags = '--storage-cache-snapshot-write-cold-duration=1s';
  const out = execFileSync('bash', [script, ...args], {
    env: { ...process.env, HOMEIQ_INFLUXD_STATE: state, HOMEIQ_INFLUXD_FLAGS: flags },
    stdio: ['ignore', 'pipe', 'inherit'],
  }).toString();
  const { url, token, org } = parseInfluxdExports(out);
  return { url, token, org, port: new URL(url).port, data, state };
}

export function stopInfluxdSync(state: string): void {
  execFileSync('bash', [script, 'stop'], { env: { ...process.env, HOMEIQ_INFLUXD_STATE: state }, stdio: ['ignore', 'inherit', 'inherit'] });
}

/** Where the console beside a server writes its output (JSON lines): the server-logs check reads every line. */
export const consoleLog = (influx: { data: string }) => join(influx.data, 'console-server.log');

/** The servers the config started, handed to workers and tests through the environment. */
export function e2eServers(): { main: E2eInfluxd; fault: E2eInfluxd } {
  const raw = process.env.E2E_SERVERS;
  if (!raw) throw new Error('E2E_SERVERS is not set: run the tests with `npx playwright test` (the config starts the servers).');
  return JSON.parse(raw) as { main: E2eInfluxd; fault: E2eInfluxd };
}

/** The consoles' ports: E2E_PORT_BASE (default 3100) for the main one, the next for the fault one. */
const PORT_BASE = Number(process.env.E2E_PORT_BASE ?? '3100');
if (!Number.isInteger(PORT_BASE) || PORT_BASE < 1024 || PORT_BASE > 65534)
  throw new Error(`E2E_PORT_BASE must be a port number (1024-65534), not '${process.env.E2E_PORT_BASE}'.`);
export const MAIN_PORT = PORT_BASE;
export const FAULT_PORT = PORT_BASE + 1;
/** A real HTTP receiver for the main console's alert webhook, in Playwright's main process. */
export const RECEIVER_PORT = PORT_BASE + 2;
export const RECEIVER_URL = `http://127.0.0.1:${RECEIVER_PORT}`;
export const MAIN_CONSOLE_URL = `http://127.0.0.1:${MAIN_PORT}`;
export const FAULT_CONSOLE_URL = `http://127.0.0.1:${FAULT_PORT}`;

export const ADMIN_PASSWORD = 'e2e-admin-password';
export const VIEWER_PASSWORD = 'e2e-viewer-password';

/**
 * How long a change that backs its bucket up first may take in these specs: a shard written just
 * before may be refused ("snapshots disabled") until influxd's shard monitor ticks, up to 10 s,
 * and the console asks again (docs/backups.md, "When InfluxDB refuses a shard for a moment").
 */
export const BACKUP_FIRST_MS = 30_000;
