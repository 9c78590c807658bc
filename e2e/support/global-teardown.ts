import { rmSync } from 'node:fs';
import { e2eServers, stopInfluxdSync } from './servers';

export default function globalTeardown() {
  if (process.env.E2E_SERVERS_OWNED !== '1') return;
  const { main, fault } = e2eServers();
  stopInfluxdSync(main.state);
  stopInfluxdSync(fault.state);
  // The consoles (Playwright's web servers) are stopped only after this teardown and may still be
  // writing their samples into these folders: what cannot be removed now is removed at exit, once
  // Playwright has stopped them. A folder left behind must not fail a suite that passed.
  for (const dir of [main.data, fault.data, main.state, fault.state, process.env.HOMEIQ_SECRET_LEDGER ?? '']) {
    if (!dir) continue;
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    } catch {
      process.once('exit', () => rmSync(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 }));
    }
  }
}
