import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
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
    const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');
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
      if (typeof entry.time !== 'string' || typeof entry.message !== 'string' || !['debug', 'info', 'warn', 'error'].includes(String(entry.level))) problems.push(`${where} lacks time, level or message`);
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
