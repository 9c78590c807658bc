import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { LEDGER_ENV } from './tests/support/secret-ledger';
import { startReceiver } from './e2e/support/receiver';
import { ADMIN_PASSWORD, consoleLog, FAULT_PORT, RECEIVER_URL, RECEIVER_PORT, MAIN_PORT, startInfluxdSync, VIEWER_PASSWORD } from './e2e/support/servers';

// Two real influxd servers: `main` for the console under test, `fault` for the console whose
// InfluxDB the fault tests stop and restart. Started once in the main process; workers inherit them.
// `--list` runs no test and no teardown: it gets placeholders, so it starts no influxd it would leave behind.
if (!process.env.E2E_SERVERS && process.argv.includes('--list')) {
  const placeholder = { url: 'http://127.0.0.1:9', token: '', data: '/nonexistent' };
  process.env.E2E_SERVERS = JSON.stringify({ main: placeholder, fault: placeholder });
}
if (!process.env.E2E_SERVERS) {
  const main = startInfluxdSync();
  const fault = startInfluxdSync();
  process.env.E2E_SERVERS = JSON.stringify({ main, fault });
  process.env.E2E_SERVERS_OWNED = '1';
  startReceiver(RECEIVER_PORT);
}
const servers = JSON.parse(process.env.E2E_SERVERS) as {
  main: { url: string; token: string; data: string };
  fault: { url: string; token: string; data: string };
};

// Every token secret a spec creates is recorded here; the server-logs check scans every sink for them.
if (!process.env[LEDGER_ENV]) process.env[LEDGER_ENV] = mkdtempSync(join(tmpdir(), 'homeiq-e2e-secret-ledger-'));
if (!process.env.E2E_SESSION_SECRET) process.env.E2E_SESSION_SECRET = `e2e-${Date.now()}-${Math.random()}`;
/** Debian's Chromium: a test tool's own browser download fails on these machines. */
const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};

function consoleServer(port: number, influx: { url: string; token: string; data: string }, webhook = '') {
  return {
    // The standalone server, as the container runs it.
    command: 'bash scripts/serve.sh',
    url: `http://127.0.0.1:${port}/api/connection`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      PORT: String(port),
      HOSTNAME_BIND: '127.0.0.1',
      CONSOLE_LOG_FILE: consoleLog(influx),
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'debug',
      CONSOLE_ALERT_WEBHOOK_URL: webhook,
      INFLUXDB_URL: influx.url,
      INFLUXDB_TOKEN: influx.token,
      INFLUXDB_ORG: 'homeiq',
      CONSOLE_SPEC: '',
      CONSOLE_DATA_DIR: `${influx.data}/console`,
      CONSOLE_SAMPLE_INTERVAL_SECONDS: '2',
      CONSOLE_ADMIN_PASSWORD: ADMIN_PASSWORD,
      CONSOLE_VIEWER_PASSWORD: VIEWER_PASSWORD,
      // Sessions are kept in each console's own database: a test signs in on the console it uses.
      CONSOLE_SESSION_SECRET: process.env.E2E_SESSION_SECRET ?? '',
    },
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
  };
}

/** Chromium as the admin the sign-in project signed in. */
const SIGNED_IN_ADMIN = {
  storageState: 'test-results/.auth/admin.json',
  ...devices['Desktop Chrome'],
  viewport: { width: 1280, height: 900 },
  launchOptions: CHROMIUM,
};

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { open: 'never' }]],
  globalTeardown: './e2e/support/global-teardown.ts',
  use: {
    baseURL: `http://127.0.0.1:${MAIN_PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    viewport: { width: 1280, height: 900 },
  },
  projects: [
    { name: 'sign-in', testMatch: /sign-in\.setup\.ts/, use: { launchOptions: CHROMIUM } },
    { name: 'chromium', dependencies: ['sign-in'], use: SIGNED_IN_ADMIN },
    // After every browser test: the servers' whole output is JSON lines with no secret in them.
    { name: 'server-logs', testMatch: /server-logs\.check\.ts/, dependencies: ['chromium'] },
    // Not a test: `npm run screenshots` regenerates docs/screenshots (this project exists only then).
    ...(process.env.HOMEIQ_SCREENSHOTS
      ? [
          {
            name: 'screenshots',
            testMatch: /screenshots\.capture\.ts/,
            dependencies: ['sign-in'],
            use: SIGNED_IN_ADMIN,
          },
        ]
      : []),
  ],
  webServer: [consoleServer(MAIN_PORT, servers.main, `${RECEIVER_URL}/hook`), consoleServer(FAULT_PORT, servers.fault)],
});
