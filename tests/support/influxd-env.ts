import { inject } from 'vitest';

const server = inject('influxd');
process.env.INFLUXDB_URL = server.url;
process.env.INFLUXDB_TOKEN = server.token;
process.env.INFLUXDB_ORG = server.org;
delete process.env.CONSOLE_SPEC;

// The console's own files (audit log, samples) go to a folder of this run, not the developer's.
if (!process.env.CONSOLE_DATA_DIR) {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  process.env.CONSOLE_DATA_DIR = mkdtempSync(join(tmpdir(), 'console-test-data-'));
}

// The suite-wide secret scan reads this run's console.db and logs at the end.
const { recordDataDir } = await import('./secret-ledger');
recordDataDir(process.env.CONSOLE_DATA_DIR);
