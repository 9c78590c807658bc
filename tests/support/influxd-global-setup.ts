import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startInfluxd, stopInfluxd } from './influxd';
import { dataDirSinks, fileSinks, LEDGER_ENV, recordedDataDirs, recordedSecrets, scanForSecrets } from './secret-ledger';

declare module 'vitest' {
  export interface ProvidedContext {
    influxd: { url: string; token: string; org: string; state: string };
  }
}

/**
 * One real influxd for the whole integration run, never the developer's own server; and the
 * suite-wide secret scan at the end: no token secret a test recorded is in any console.db, console
 * log or `.next/` file of the run (tests/support/secret-ledger.ts).
 */
export default async function setup(project: TestProject) {
  const ledger = mkdtempSync(join(tmpdir(), 'homeiq-secret-ledger-'));
  process.env[LEDGER_ENV] = ledger;
  const server = await startInfluxd();
  project.provide('influxd', server);
  return async () => {
    try {
      await stopInfluxd(server.state);
      const secrets = recordedSecrets(ledger);
      const sinks = [...recordedDataDirs(ledger).flatMap(dataDirSinks), ...fileSinks(join(process.cwd(), '.next'))];
      const found = scanForSecrets(secrets, sinks);
      if (found.length) {
        // A teardown's error does not fail a Vitest run by itself: the exit code must say it.
        process.exitCode = 1;
        throw new Error(`The secret scan found ${found.length} token secret(s) where none may be:\n${found.slice(0, 20).join('\n')}`);
      }
      if (secrets.length)
        process.stdout.write(
          `secret scan: ${secrets.length} token secrets created by the tests, none in ${sinks.length} database tables, logs and .next/ files\n`,
        );
    } finally {
      rmSync(ledger, { recursive: true, force: true });
    }
  };
}
