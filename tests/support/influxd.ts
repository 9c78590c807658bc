import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parseInfluxdExports } from '../../tools/influxd/exports';

const run = promisify(execFile);
const script = fileURLToPath(new URL('../../tools/influxd/influxd.sh', import.meta.url));

export interface StartedInfluxd {
  url: string;
  token: string;
  org: string;
  /** The state folder of this server: `stop` with it stops this server only. */
  state: string;
}

/** Starts a real influxd through the project's own script, in a state folder of its own. */
export async function startInfluxd(args: string[] = [], flags = ''): Promise<StartedInfluxd> {
  const state = mkdtempSync(join(tmpdir(), 'homeiq-influxd-state-'));
  const { stdout } = await run('bash', [script, 'start', ...args], {
    env: { ...process.env, HOMEIQ_INFLUXD_STATE: state, HOMEIQ_INFLUXD_FLAGS: flags },
    maxBuffer: 16 * 1024 * 1024,
  });
  return { ...parseInfluxdExports(stdout), state };
}

/** Stops the server of `state` (its data folder goes with it), then removes the state folder. */
export async function stopInfluxd(state: string): Promise<void> {
  await run('bash', [script, 'stop'], { env: { ...process.env, HOMEIQ_INFLUXD_STATE: state } });
  rmSync(state, { recursive: true, force: true });
}

/**
 * Runs `work` with the console pointed at a server of its own (started with influxd `flags`),
 * then points it back and stops that server, also when `work` fails.
 */
export async function withOwnInfluxd<T>(flags: string, work: (server: StartedInfluxd) => Promise<T>): Promise<T> {
  const server = await startInfluxd([], flags);
  const saved = { url: process.env.INFLUXDB_URL, token: process.env.INFLUXDB_TOKEN };
  try {
    process.env.INFLUXDB_URL = server.url;
    process.env.INFLUXDB_TOKEN = server.token;
    return await work(server);
  } finally {
    process.env.INFLUXDB_URL = saved.url;
    process.env.INFLUXDB_TOKEN = saved.token;
    await stopInfluxd(server.state);
  }
}
