import type { TestProject } from 'vitest/node';
import { startInfluxd, stopInfluxd } from './influxd';

declare module 'vitest' {
  export interface ProvidedContext {
    influxd: { url: string; token: string; org: string; state: string };
  }
}

/** One real influxd for the whole integration run, never the developer's own server. */
export default async function setup(project: TestProject) {
  const server = await startInfluxd();
  project.provide('influxd', server);
  return async () => {
    await stopInfluxd(server.state);
  };
}
