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
    const lines = readFileSync(consoleLog(server), 'utf8').split('\n').filter((l) => l.trim() !== '');
    expect(lines.length).toBeGreaterThan(50);
    let requests = 0;
    for (const [i, line] of lines.entries()) {
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new Error(`${consoleLog(server)} line ${i + 1} is not JSON: ${line.slice(0, 200)}`);
      }
      expect(typeof entry.time, `line ${i + 1}`).toBe('string');
      expect(['debug', 'info', 'warn', 'error']).toContain(entry.level);
      expect(typeof entry.message).toBe('string');
      if (entry.message === 'request') {
        requests++;
        expect(String(entry.requestId)).toMatch(/^[A-Za-z0-9._:-]{8,64}$/);
      }
      for (const secret of secrets) expect(line.includes(secret), `line ${i + 1} of ${consoleLog(server)} holds a secret`).toBe(false);
    }
    expect(requests).toBeGreaterThan(10);
  }
});
