import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { dataDirSinks, fileSinks, LEDGER_ENV, recordedSecrets, scanForSecrets } from '../tests/support/secret-ledger';
import { ADMIN_PASSWORD, consoleLog, e2eServers, VIEWER_PASSWORD } from './support/servers';

/**
 * Runs after every browser test: the two consoles' whole output (LOG_FORMAT=json, LOG_LEVEL=debug)
 * is one JSON object per line, every request has its ID, and no line holds a secret.
 */
test('the servers logged JSON lines only, with request IDs, and no token, password or session secret', () => {
  const servers = e2eServers();
  const secrets = [servers.main.token, servers.fault.token, ADMIN_PASSWORD, VIEWER_PASSWORD, process.env.E2E_SESSION_SECRET ?? ''].filter((s) => s.length >= 6);
  expect(secrets.length).toBe(5);
  for (const server of [servers.main, servers.fault]) {
    const file = consoleLog(server);
    const lines = readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '');
    const problems: string[] = [];
    let requests = 0;
    for (const [i, line] of lines.entries()) {
      const where = `${file} line ${i + 1}`;
      if (secrets.some((s) => line.includes(s))) problems.push(`${where} holds a secret`);
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(line) as Record<string, unknown>;
      } catch {
        problems.push(`${where} is not JSON: ${line.slice(0, 200)}`);
        continue;
      }
      if (typeof entry.time !== 'string' || typeof entry.message !== 'string' || !['debug', 'info', 'warn', 'error'].includes(String(entry.level)))
        problems.push(`${where} lacks time, level or message`);
      if (entry.message === 'request') {
        requests++;
        if (!/^[A-Za-z0-9._:-]{8,64}$/.test(String(entry.requestId))) problems.push(`${where}: a request without its ID`);
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
    expect(lines.length).toBeGreaterThan(50);
    expect(requests).toBeGreaterThan(10);
  }
});

/**
 * The suite-wide secret scan: every token secret a spec created (e2e/tokens.spec.ts records them in
 * the ledger) is in none of the consoles' logs, console.db rows (the audit log) or the `.next/` output.
 * The specs check what the browser received themselves (only the one-time reveal may carry one).
 */
test('no token secret created during the run is in a log line, an audit row or the build output', () => {
  const secrets = recordedSecrets(process.env[LEDGER_ENV] ?? '');
  // tokens.spec.ts records the writer and reader it creates: an empty ledger means the scan is not wired.
  expect(secrets.length).toBeGreaterThanOrEqual(4);
  const servers = e2eServers();
  const sinks = [
    ...[servers.main, servers.fault].flatMap((s) => [
      ...dataDirSinks(join(s.data, 'console')),
      { name: consoleLog(s), text: readFileSync(consoleLog(s), 'utf8') },
    ]),
    ...fileSinks(join(process.cwd(), '.next')),
  ];
  expect(sinks.some((s) => s.name.endsWith('table audit_log'))).toBe(true);
  expect(scanForSecrets(secrets, sinks)).toEqual([]);
});

test('each console warned once at start that it runs with an operator token, naming the token by ID, not by its secret', () => {
  const servers = e2eServers();
  for (const server of [servers.main, servers.fault]) {
    const warnings = readFileSync(consoleLog(server), 'utf8')
      .split('\n')
      .filter((l) => l.includes('the console runs with an operator token'))
      .map((l) => JSON.parse(l) as { level: string; id?: string });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.level).toBe('warn');
    expect(warnings[0]?.id).toMatch(/^[0-9a-f]{16}$/);
  }
});
