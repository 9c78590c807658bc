import { connection } from '@/lib/influx/client';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '@/cli/run';
import { CLI_ACTOR } from '@/lib/auth/actor';
import { openDb } from '@/lib/db';
import { findBucket, updateBucket } from '@/lib/influx/buckets';
import { requireOrg } from '@/lib/influx/orgs';
import { writeLines } from '@/lib/influx/write';
import { provision } from '@/lib/provision/apply';
import { ai5Spec } from '@/lib/spec/load';
import { forgetCachedReads } from '@/lib/stats/memo';
import { readAlerts } from '@/lib/use-cases/read-alerts';
import { sendTestAlert } from '@/lib/use-cases/send-test-alert';
import { requireConfig } from '@/lib/config';
import { evaluateAlerts, setDeliveryOptions } from '@/lib/use-cases/shared/alerting';
import { runChecks } from '@/lib/use-cases/run-checks';
import { sampleOnce } from '@/lib/use-cases/sample-storage';
import { readStats } from '@/lib/use-cases/read-stats';
import { setBudget } from '@/lib/use-cases/set-budget';
import { stopInfluxd, withOwnInfluxd } from '../support/influxd';
import { resetBuckets } from '../support/reset';
import { unwrap } from '../support/unwrap';

const DAILY = 'pattern_aggregates_daily';

/** A real HTTP receiver on 127.0.0.1: answers `fail` times with 503, then 204; keeps what it accepted. */
interface Receiver {
  url: string;
  accepted: Record<string, unknown>[];
  attempts: number;
  close(): Promise<void>;
}

async function receiver(fail = 0): Promise<Receiver> {
  const r: Omit<Receiver, 'url' | 'close'> = { accepted: [], attempts: 0 };
  let left = fail;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      r.attempts++;
      if (left > 0) {
        left--;
        res.writeHead(503).end();
        return;
      }
      r.accepted.push(JSON.parse(body) as Record<string, unknown>);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  return Object.assign(r, { url: `http://127.0.0.1:${port}/hook`, close: () => new Promise<void>((ok) => server.close(() => ok())) });
}

const events = (r: Receiver) => r.accepted.map((a) => `${String(a.event)} ${String(a.key)}`);

describe('alerts to a webhook (a real local receiver)', () => {
  let hook: Receiver;
  beforeEach(async () => {
    openDb().exec('DELETE FROM alert_incidents; DELETE FROM alert_deliveries; DELETE FROM budgets;');
    setDeliveryOptions({ baseDelayMs: 20 });
    await resetBuckets();
    forgetCachedReads();
    await provision(ai5Spec(), undefined, connection());
  });
  afterEach(async () => {
    delete process.env.CONSOLE_ALERT_WEBHOOK_URL;
    await hook?.close();
  });

  it('a budget crossed within 30 days: one alert while it lasts, one "resolved" when it clears', async () => {
    hook = await receiver();
    process.env.CONSOLE_ALERT_WEBHOOK_URL = hook.url;
    const day = Math.floor(Date.now() / 86_400_000 - 1) * 86_400_000;
    await writeLines(
      DAILY,
      [1, 2, 3].map((i) => `time_based_daily,date=x,entity_id=e${i} frequency=1 ${day}000000`),
      connection(),
    );
    unwrap(await setBudget({ bucketName: DAILY, maxBytes: null, maxRecords: 2 }, CLI_ACTOR));
    await evaluateAlerts(requireConfig());
    await evaluateAlerts(requireConfig());
    expect(events(hook)).toEqual([`open budget:${DAILY}:records`]);
    expect(hook.accepted[0]).toMatchObject({ source: 'homeiq-influx-console', kind: 'budget' });
    expect(String(hook.accepted[0]?.message)).toMatch(/already over/);
    unwrap(await setBudget({ bucketName: DAILY, maxBytes: null, maxRecords: 1_000_000 }, CLI_ACTOR));
    await evaluateAlerts(requireConfig());
    expect(events(hook)).toEqual([`open budget:${DAILY}:records`, `resolved budget:${DAILY}:records`]);
    const view = unwrap(await readAlerts());
    expect(view.incidents[0]?.resolvedAt).not.toBeNull();
    expect(view.deliveries.every((d) => d.ok)).toBe(true);
    expect(JSON.stringify(view)).not.toContain('/hook');
  });

  it('a detector down past its grace: one alert per detector, none again while it lasts, "resolved" once it writes', async () => {
    hook = await receiver();
    process.env.CONSOLE_ALERT_WEBHOOK_URL = hook.url;
    const DAY = 86_400_000;
    const today = Math.floor(Date.now() / DAY) * DAY;
    await writeLines(
      DAILY,
      [0, 1, 2, 3].map((d) => `time_based_daily,date=d${d},entity_id=e1 frequency=1 ${today - d * DAY}000000`),
      connection(),
    );
    unwrap(await readStats(DAILY, { mode: 'fresh' }));
    // The bucket was created just now: its detectors are judged once the grace (two days) has passed.
    await evaluateAlerts(requireConfig(), Date.now() + DAY);
    expect(events(hook).filter((e) => e.includes('detector:'))).toEqual([]);
    const later = Date.now() + 2.5 * DAY;
    await evaluateAlerts(requireConfig(), later);
    await evaluateAlerts(requireConfig(), later);
    const opened = events(hook).filter((e) => e.startsWith('open detector:'));
    expect(opened.sort()).toEqual(
      ['anomaly_daily', 'co_occurrence_daily', 'duration_daily', 'room_based_daily', 'sequence_daily'].map((m) => `open detector:${DAILY}:${m}:never-written`),
    );
    expect(hook.accepted.find((a) => a.kind === 'detector')).toMatchObject({ title: expect.stringMatching(/^Detector never wrote/) });
    await writeLines(DAILY, [`anomaly_daily,date=x,entity_id=e1 anomaly_score=0.5 ${later - 3_600_000}000000`], connection());
    unwrap(await readStats(DAILY, { mode: 'fresh' }));
    await evaluateAlerts(requireConfig(), later);
    expect(events(hook).filter((e) => e.startsWith('resolved detector:'))).toEqual([`resolved detector:${DAILY}:anomaly_daily:never-written`]);
  });

  it('a verification that passed and now fails: one alert, none while it keeps failing, "resolved" when it passes', async () => {
    hook = await receiver();
    process.env.CONSOLE_ALERT_WEBHOOK_URL = hook.url;
    unwrap(await runChecks(CLI_ACTOR, { waitForAlerts: true }));
    expect(hook.accepted).toEqual([]);
    const org = await requireOrg('homeiq', connection());
    const daily = await findBucket(org.id, DAILY, connection());
    await updateBucket(daily?.id ?? '', { retentionSeconds: 30 * 86_400, description: daily?.description ?? '' }, connection());
    unwrap(await runChecks(CLI_ACTOR, { waitForAlerts: true }));
    unwrap(await runChecks(CLI_ACTOR, { waitForAlerts: true }));
    expect(events(hook)).toEqual([`open verify:bucket-retention:${DAILY}`]);
    await updateBucket(daily?.id ?? '', { retentionSeconds: 90 * 86_400, description: daily?.description ?? '' }, connection());
    unwrap(await runChecks(CLI_ACTOR, { waitForAlerts: true }));
    expect(events(hook)).toEqual([`open verify:bucket-retention:${DAILY}`, `resolved verify:bucket-retention:${DAILY}`]);
  });

  it('InfluxDB unreachable for more than N minutes: one alert, and "resolved" once it answers again', async () => {
    hook = await receiver();
    process.env.CONSOLE_ALERT_WEBHOOK_URL = hook.url;
    await withOwnInfluxd('', async (server) => {
      await stopInfluxd(server.state);
      expect((await sampleOnce()).kind).toBe('skipped');
      await evaluateAlerts(requireConfig(), Date.now() + 60_000);
      expect(hook.accepted).toEqual([]);
      await evaluateAlerts(requireConfig(), Date.now() + 6 * 60_000);
      await evaluateAlerts(requireConfig(), Date.now() + 7 * 60_000);
      expect(events(hook)).toEqual(['open unreachable:influxdb']);
    });
    // Back on the suite's server, which answers.
    expect((await sampleOnce()).kind).toBe('sampled');
    await evaluateAlerts(requireConfig());
    expect(events(hook)).toEqual(['open unreachable:influxdb', 'resolved unreachable:influxdb']);
  }, 60_000);

  it('a receiver that fails twice and then answers gets exactly one alert', async () => {
    hook = await receiver(2);
    process.env.CONSOLE_ALERT_WEBHOOK_URL = hook.url;
    const sent = unwrap(await sendTestAlert(CLI_ACTOR));
    expect(sent).toMatchObject({ ok: true, attempts: 3, status: 204 });
    expect(hook.attempts).toBe(3);
    expect(events(hook)).toEqual(['test test']);
  });

  it('cli alerts test: exit 0 when the webhook answers 2xx, 1 with the reason otherwise', async () => {
    const quiet = () => [vi.spyOn(process.stdout, 'write').mockImplementation(() => true), vi.spyOn(process.stderr, 'write').mockImplementation(() => true)];
    hook = await receiver();
    process.env.CONSOLE_ALERT_WEBHOOK_URL = hook.url;
    let spies = quiet();
    expect(await runCli(['alerts', 'test'])).toBe(0);
    spies.forEach((s) => s.mockRestore());
    expect(hook.accepted).toHaveLength(1);
    process.env.CONSOLE_ALERT_WEBHOOK_URL = 'http://127.0.0.1:9/nothing-listens';
    spies = quiet();
    expect(await runCli(['alerts', 'test'])).toBe(1);
    delete process.env.CONSOLE_ALERT_WEBHOOK_URL;
    expect(await runCli(['alerts', 'test'])).toBe(1);
    spies.forEach((s) => s.mockRestore());
  }, 30_000);
});
