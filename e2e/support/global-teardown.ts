import { rmSync } from 'node:fs';
import { e2eServers, stopInfluxdSync } from './servers';

export default function globalTeardown() {
  if (process.env.E2E_SERVERS_OWNED !== '1') return;
  const { main, fault } = e2eServers();
  stopInfluxdSync(main.state);
  stopInfluxdSync(fault.state);
  // The consoles may still be writing their samples into these folders while they stop: retry.
  for (const dir of [main.data, fault.data, main.state, fault.state]) rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
}
