import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

/**
 * There is no Docker engine on these machines: the image is not built here. What can be checked
 * is checked: every path the Dockerfile copies out of the build stage exists after `next build`
 * (this suite runs against that build), and the standalone output holds the native SQLite module.
 */
const repo = join(__dirname, '..');
const dockerfile = readFileSync(join(repo, 'Dockerfile'), 'utf8');

test('every path the Dockerfile copies from the build exists after next build', () => {
  const copies = [...dockerfile.matchAll(/^COPY --from=build (?:--chown=\S+ )?(\S+) (\S+)$/gm)].map((m) => m[1] ?? '');
  expect(copies.length).toBeGreaterThanOrEqual(4);
  for (const source of copies) {
    expect(source.startsWith('/app/'), source).toBe(true);
    expect(existsSync(join(repo, source.slice('/app/'.length))), `${source} after next build`).toBe(true);
  }
  expect(existsSync(join(repo, '.next/standalone/server.js'))).toBe(true);
  expect(statSync(join(repo, '.next/standalone/node_modules/better-sqlite3/build/Release/better_sqlite3.node')).size).toBeGreaterThan(100_000);
});

test('the image runs as a non-root user, keeps its data on a volume and checks /api/health', () => {
  // Every stage on the Node the image is tested on (scripts/test.sh runs the CLI and the server on Node 24).
  expect([...dockerfile.matchAll(/^FROM (\S+) AS (\w+)$/gm)].map((m) => m[1])).toEqual(['node:24-slim', 'node:24-slim', 'node:24-slim']);
  expect(dockerfile).toMatch(/^USER console$/m);
  expect(dockerfile).toMatch(/^VOLUME \["\/data"\]$/m);
  expect(dockerfile).toMatch(/CONSOLE_DATA_DIR=\/data/);
  expect(dockerfile).toMatch(/^HEALTHCHECK .*curl -fsS http:\/\/localhost:3000\/api\/health/m);
  expect(dockerfile).toMatch(/^CMD \["node", "--require", "\.\/json-stdout\.cjs", "server\.js"\]$/m);
});

test('the image puts the bundled CLI on PATH as homeiq-console, beside the standalone node_modules', () => {
  expect(dockerfile).toMatch(/ln -s \/app\/cli\/homeiq-console\.cjs \/usr\/local\/bin\/homeiq-console/);
  expect(dockerfile).toMatch(/^COPY --from=build \S+ \/app\/dist\/cli\/homeiq-console\.cjs \.\/cli\/homeiq-console\.cjs$/m);
  expect(readFileSync(join(repo, 'dist/cli/homeiq-console.cjs'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  expect(statSync(join(repo, '.next/standalone/cli/homeiq-console.cjs')).mode & 0o111).not.toBe(0);
});

test('the standalone server under test answers /api/health without a session, secret-free', async ({ request, baseURL }) => {
  const res = await request.get(`${baseURL}/api/health`, { headers: { cookie: '' } });
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { status: string; checks: Record<string, { status: string }> };
  expect(body.status).toMatch(/^(ok|degraded)$/);
  expect(body.checks.database?.status).toBe('ok');
  expect(body.checks.influxdb?.status).toBe('ok');
  expect(res.headers()['x-request-id']).toMatch(/^[A-Za-z0-9._:-]{8,64}$/);
});
