import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hasStandalone, layOutApp, testNode } from '../support/app';
import { resetBuckets } from '../support/reset';

const execFileAsync = promisify(execFile);
const repo = fileURLToPath(new URL('../..', import.meta.url));
const node = testNode.path;

let app = '';
let dataDir = '';

/** `node cli/homeiq-console.cjs ARGS` in the app folder, with only the environment the container has. */
async function homeiqConsole(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'production',
    INFLUXDB_URL: process.env.INFLUXDB_URL ?? '',
    INFLUXDB_TOKEN: process.env.INFLUXDB_TOKEN ?? '',
    INFLUXDB_ORG: process.env.INFLUXDB_ORG ?? '',
    CONSOLE_DATA_DIR: dataDir,
  };
  try {
    // execFile kills the child if it outlives the timeout: no process of this test outlives it.
    const { stdout, stderr } = await execFileAsync(node, [join(app, 'cli', 'homeiq-console.cjs'), ...args], {
      cwd: app,
      env,
      timeout: 120_000,
      maxBuffer: 32 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const failed = e as { code?: unknown; stdout?: string; stderr?: string; killed?: boolean };
    if (typeof failed.code !== 'number' || failed.killed) throw e;
    return { code: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

beforeAll(() => {
  app = layOutApp();
  dataDir = join(app, 'data');
  mkdirSync(dataDir);
}, 180_000);

afterAll(() => {
  if (app) rmSync(app, { recursive: true, force: true });
});

describe(`the bundled CLI, run with plain node (${node === process.execPath ? 'this Node' : node}) from ${hasStandalone ? 'a copy of the standalone output' : 'a fresh bundle (no standalone build yet)'}`, () => {
  beforeEach(resetBuckets);

  it('runs on the Node it was given, with no tsx and no repository in reach', async () => {
    const { stdout } = await execFileAsync(node, ['-p', 'process.versions.node'], { timeout: 30_000 });
    if (testNode.major) expect(stdout.trim().split('.')[0]).toBe(testNode.major);
    expect(app.startsWith(repo)).toBe(false);
    expect(existsSync(join(app, 'node_modules', 'tsx'))).toBe(false);
    expect(readFileSync(join(app, 'cli', 'homeiq-console.cjs'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('--help lists every command, and `verify --help` answers for verify alone', async () => {
    const all = await homeiqConsole(['--help']);
    expect(all.code).toBe(0);
    for (const command of ['provision', 'buckets list', 'verify', 'stats', 'insights', 'data export', 'alerts test'])
      expect(all.stdout).toContain(`  ${command}`);
    const verify = await homeiqConsole(['verify', '--help']);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain('verify [--json]');
    expect(verify.stdout).not.toContain('provision');
  });

  it('verify --json fails while the buckets are missing, then passes once `provision` made them', async () => {
    const missing = await homeiqConsole(['verify', '--json']);
    expect(missing.code).toBe(1);
    expect((JSON.parse(missing.stdout) as { ok: boolean }).ok).toBe(false);
    const provision = await homeiqConsole(['provision', '--json']);
    expect(provision.code).toBe(0);
    expect((JSON.parse(provision.stdout) as { applied: boolean }).applied).toBe(true);
    const verified = await homeiqConsole(['verify', '--json']);
    expect(verified.code, verified.stderr).toBe(0);
    const report = JSON.parse(verified.stdout) as { ok: boolean; checks: { id: string; status: string }[] };
    expect(report.ok).toBe(true);
    // That the bundle runs the checks and passes is the point; which checks there are is verify.test.ts's.
    expect(report.checks.length).toBeGreaterThan(0);
  });

  it('stats --json counts what `seed` wrote, keeping its counts in console.db through the native better-sqlite3', async () => {
    expect((await homeiqConsole(['provision', '--json'])).code).toBe(0);
    const seed = await homeiqConsole(['seed', '--days', '3', '--weeks', '2', '--entities', '2']);
    expect(seed.code, seed.stderr).toBe(0);
    const stats = await homeiqConsole(['stats', '--fresh', '--json']);
    expect(stats.code, stats.stderr).toBe(0);
    const buckets = (JSON.parse(stats.stdout) as { buckets: { name: string; measurements: { name: string; records: number }[] }[] }).buckets;
    expect(buckets.map((b) => b.name)).toEqual(['pattern_aggregates_daily', 'pattern_aggregates_weekly']);
    expect(buckets[0]?.measurements.find((m) => m.name === 'time_based_daily')?.records).toBe(3 * 2);
    expect(existsSync(join(dataDir, 'console.db'))).toBe(true);
  });

  it('never prints the token', async () => {
    const token = process.env.INFLUXDB_TOKEN ?? '';
    expect(token.length).toBeGreaterThan(8);
    const { stdout, stderr } = await homeiqConsole(['verify', '--json']);
    expect(stdout + stderr).not.toContain(token);
  });
});
