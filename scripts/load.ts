/**
 * Load: 50 simulated users polling the Measurements and Storage data for 60 seconds against the
 * built console and a real influxd with the sample data. Prints p50/p95 latency, errors and the
 * console server's peak memory. A script that prints figures, not a timed test.
 *   npm run load -- [--users 50] [--seconds 60]
 */
import { parseArgs } from 'node:util';
import { DEFAULT_SAMPLE, loadSample } from '../lib/aggregates/load-sample';
import { connection } from '../lib/influx/client';
import { openSession } from '../lib/influx/session';
import { provision } from '../lib/provision/apply';
import { ai5Spec } from '../lib/spec/load';
import { freePort, percentile, startConsole, startInfluxd, stopInfluxd, watchPeakRss } from './harness';

async function main() {
  const { values } = parseArgs({ options: { users: { type: 'string', default: '50' }, seconds: { type: 'string', default: '60' } } });
  const users = Number(values.users);
  const seconds = Number(values.seconds);
  const influx = startInfluxd();
  const console_ = await startConsole(influx, freePort());
  try {
    const conn = connection({ url: influx.url, token: influx.token, org: 'homeiq' });
    await provision(ai5Spec(), {}, conn);
    const sample = await loadSample(ai5Spec(), { ...DEFAULT_SAMPLE }, () => {}, await openSession(conn.env));
    process.stderr.write(`sample data: ${sample.points} points\n`);

    const paths = ['/api/stats', '/api/storage?range=24h'];
    const latencies: Record<string, number[]> = Object.fromEntries(paths.map((p) => [p, []]));
    const errors: Record<string, number> = {};
    const peak = watchPeakRss(console_.pid);
    const end = Date.now() + seconds * 1000;
    let requests = 0;
    await Promise.all(
      Array.from({ length: users }, async (_, u) => {
        // Users start spread over the first second, then poll back to back with a short pause.
        await new Promise((r) => setTimeout(r, (u * 1000) / users));
        while (Date.now() < end) {
          for (const path of paths) {
            const t = performance.now();
            try {
              const res = await fetch(console_.url + path, { headers: { Cookie: console_.cookie } });
              const body = (await res.json()) as { ok: boolean };
              if (!res.ok || !body.ok) errors[`${path} ${res.status}`] = (errors[`${path} ${res.status}`] ?? 0) + 1;
            } catch (e) {
              errors[`${path} ${(e as Error).name}`] = (errors[`${path} ${(e as Error).name}`] ?? 0) + 1;
            }
            latencies[path]?.push(performance.now() - t);
            requests++;
          }
          await new Promise((r) => setTimeout(r, 250));
        }
      }),
    );
    const peakMb = peak.stop();
    console.log(`\nLoad: ${users} users polling for ${seconds} s against ${console_.url} (sample data, ${sample.points} points)`);
    console.log('endpoint                   requests     p50 ms     p95 ms     max ms');
    for (const path of paths) {
      const l = [...(latencies[path] ?? [])].sort((a, b) => a - b);
      console.log(
        `${path.padEnd(26)} ${String(l.length).padStart(8)} ${percentile(l, 50).toFixed(1).padStart(10)} ${percentile(l, 95).toFixed(1).padStart(10)} ${(l.at(-1) ?? 0).toFixed(1).padStart(10)}`,
      );
    }
    const errorCount = Object.values(errors).reduce((a, b) => a + b, 0);
    console.log(`requests: ${requests}, errors: ${errorCount}${errorCount ? ` ${JSON.stringify(errors)}` : ''}`);
    console.log(`console server peak RSS: ${peakMb.toFixed(0)} MB`);
    process.exitCode = errorCount ? 1 : 0;
  } finally {
    console_.stop();
    stopInfluxd(influx);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
