import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { hasStandalone } from '../support/app';

const startScript = fileURLToPath(new URL('../../scripts/start.sh', import.meta.url));
const started: { child: ChildProcess; dir: string }[] = [];

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** `bash scripts/start.sh` on PORT with the test InfluxDB (or `influx`), in a process group of its own. */
function startConsole(port: number, influx: Record<string, string> = {}): { child: ChildProcess; output: () => string; line: (re: RegExp) => Promise<string> } {
  const dir = mkdtempSync(join(tmpdir(), 'homeiq-start-sh-'));
  const child = spawn('bash', [startScript], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: String(port), CONSOLE_DATA_DIR: join(dir, 'data'), ...influx },
  });
  started.push({ child, dir });
  let text = '';
  child.stdout?.on('data', (d: Buffer) => (text += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (text += d.toString()));
  const line = (re: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const found = text.split('\n').find((l) => re.test(l));
        if (found) done(() => resolve(found));
        else if (child.exitCode !== null) done(() => reject(new Error(`start.sh exited ${child.exitCode} without ${re}:\n${text}`)));
      }, 50);
      const limit = setTimeout(() => done(() => reject(new Error(`no ${re} within 120 s:\n${text}`))), 120_000);
      const done = (then: () => void) => {
        clearInterval(timer);
        clearTimeout(limit);
        then();
      };
    });
  return { child, output: () => text, line };
}

afterEach(async () => {
  for (const { child, dir } of started.splice(0)) {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid, 'SIGTERM');
      const kill = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 10_000);
      await exited;
      clearTimeout(kill);
    }
    rmSync(dir, { recursive: true, force: true });
  }
});

// start.sh builds the console when the build is missing or stale: scripts/test.sh builds it before this suite.
describe.skipIf(!hasStandalone)('bash scripts/start.sh with an existing InfluxDB', () => {
  it('says "console ready" only once /api/health answers ok', async () => {
    const port = await freePort();
    const console = startConsole(port);
    const ready = await console.line(/console ready|exited|did not answer|taken/);
    // Right at the message, the console answers: the old script said ready before the server listened.
    const res = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(ready).toContain(`console ready: open http://127.0.0.1:${port}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { status: string }).status).toBe('ok');
    expect(console.output().indexOf('starting the console')).toBeLessThan(console.output().indexOf('console ready'));
  }, 180_000);

  it('says ready but degraded when InfluxDB does not answer, naming the URL', async () => {
    const port = await freePort();
    const closed = await freePort();
    const console = startConsole(port, { INFLUXDB_URL: `http://127.0.0.1:${closed}` });
    const ready = await console.line(/console ready|exited|did not answer|taken/);
    expect(ready).toContain(`but degraded: InfluxDB at http://127.0.0.1:${closed} does not answer yet`);
  }, 180_000);

  it('stops at once, with a clear message, when another program holds the port', async () => {
    const other: Server = createServer((_req, res) => res.writeHead(204).end());
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = other.address() as AddressInfo;
      const console = startConsole(port);
      const exit = await new Promise<number | null>((resolve) => console.child.once('exit', resolve));
      expect(exit).toBe(1);
      expect(console.output()).toContain(`port ${port} is already taken by another program`);
      expect(console.output()).not.toContain('console ready');
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  }, 60_000);
});
