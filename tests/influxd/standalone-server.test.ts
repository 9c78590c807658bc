import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, readlinkSync, realpathSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasStandalone, layOutApp, standalone, testNode } from '../support/app';

const jsonStdout = fileURLToPath(new URL('../../scripts/json-stdout.cjs', import.meta.url));

let app = '';
let server: ChildProcess | undefined;
let url = '';
let output = '';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Stops the server's whole process group, and waits until it is gone (SIGKILL after 10 s). */
async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid, 'SIGTERM');
  const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

// The standalone server exists only after a build: scripts/test.sh builds it before this suite.
describe.skipIf(!hasStandalone)(
  `the standalone server on ${testNode.path === process.execPath ? 'this Node' : testNode.path}, as the image runs it (${standalone})`,
  () => {
    beforeAll(async () => {
      app = layOutApp();
      mkdirSync(join(app, 'data'));
      copyFileSync(jsonStdout, join(app, 'json-stdout.cjs'));
      const port = await freePort();
      url = `http://127.0.0.1:${port}`;
      // The image's command and environment (Dockerfile): node --require ./json-stdout.cjs server.js in /app.
      server = spawn(testNode.path, ['--require', './json-stdout.cjs', 'server.js'], {
        cwd: app,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          PATH: process.env.PATH ?? '',
          NODE_ENV: 'production',
          NEXT_TELEMETRY_DISABLED: '1',
          HOSTNAME: '127.0.0.1',
          PORT: String(port),
          CONSOLE_DATA_DIR: join(app, 'data'),
          LOG_FORMAT: 'json',
          NODE_OPTIONS: '--max-old-space-size=128 --max-semi-space-size=8',
          INFLUXDB_URL: process.env.INFLUXDB_URL ?? '',
          INFLUXDB_TOKEN: process.env.INFLUXDB_TOKEN ?? '',
          INFLUXDB_ORG: process.env.INFLUXDB_ORG ?? '',
        },
      });
      server.stdout?.on('data', (d: Buffer) => (output += d.toString()));
      server.stderr?.on('data', (d: Buffer) => (output += d.toString()));
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline) {
        if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode}):\n${output}`);
        if (
          await fetch(`${url}/api/health`).then(
            () => true,
            () => false,
          )
        )
          return;
        await new Promise((r) => setTimeout(r, 250));
      }
      throw new Error(`the server did not answer ${url}/api/health within 60 s:\n${output}`);
    }, 90_000);

    afterAll(async () => {
      if (server) await stopServer(server);
      if (app) rmSync(app, { recursive: true, force: true });
    });

    it('answers /api/health: ok, with its own SQLite database and the InfluxDB it was given', async () => {
      const res = await fetch(`${url}/api/health`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { status: string; checks: Record<string, { status: string }> };
      expect(body.checks.database?.status).toBe('ok');
      expect(body.checks.influxdb?.status).toBe('ok');
      expect(body.status).toBe('ok');
    });

    it('runs on the Node it was given, and writes only JSON lines, none with the token', () => {
      // Linux shows which binary a process runs: the server is this Node or the image's, not another on PATH.
      expect(readlinkSync(`/proc/${server?.pid}/exe`)).toBe(realpathSync(testNode.path));
      const lines = output.split('\n').filter((line) => line.trim());
      // How many lines the server logged depends on timing; that it logged some is what is known.
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();
      expect(output).not.toContain(process.env.INFLUXDB_TOKEN ?? 'no-token');
    });
  },
);
