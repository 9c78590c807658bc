import { connection } from '@/lib/influx/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { provision } from '@/lib/provision/apply';
import { ai5Spec } from '@/lib/spec/load';
import { NO_SIGNAL_MS } from '@/lib/stats/incremental';
import { CHECK_MS } from '@/lib/stats/service';
import { readStats } from '@/lib/use-cases/read-stats';
import { withOwnInfluxd } from '../support/influxd';
import type { BucketStats } from '@/lib/model/stats';
import { forgetCachedReads } from '@/lib/stats/memo';
import { rawApi, resetBuckets } from '../support/reset';
import { unwrap } from '../support/unwrap';

const DAILY = 'pattern_aggregates_daily';

/** Writes points the way HomeIQ's writer does, straight to InfluxDB: the console is not told. */
async function writeRaw(dates: string[]): Promise<void> {
  const body = dates
    .map(
      (d) =>
        `time_based_daily,date=${d},domain=light,entity_id=light.x frequency=1,confidence=0.5,occurrences=1i,hourly_distribution="[]",peak_hours="[]" ${Date.parse(`${d}T00:00:00Z`)}000000`,
    )
    .join('\n');
  const res = await rawApi(`/api/v2/write?org=homeiq&bucket=${DAILY}&precision=ns`, { method: 'POST', body, headers: { 'Content-Type': 'text/plain' } });
  expect(res.status).toBe(204);
}

const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const daily = async (): Promise<BucketStats | undefined> => unwrap(await readStats()).find((b) => b.name === DAILY);

describe('counts kept between refreshes, recounted only when InfluxDB shows a change', () => {
  beforeEach(async () => {
    await resetBuckets();
    forgetCachedReads();
    await provision(ai5Spec(), undefined, connection());
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('keeps a count while nothing is written, and counts again after a write the console did not make', async () => {
    await writeRaw([day(3), day(2), day(1)]);
    const first = await daily();
    expect(first?.records).toBe(3);

    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + CHECK_MS + 1_000);
    // Nothing written: the check reads /metrics, finds the same signature, and does not count again.
    expect((await daily())?.computedAt).toBe(first?.computedAt);
    await vi.waitFor(async () => expect((await daily())?.checkedAt).toBeTruthy(), { timeout: 10_000 });
    const checked = await daily();
    expect(checked?.computedAt).toBe(first?.computedAt);
    expect(checked?.records).toBe(3);

    await writeRaw([day(5), day(6)]);
    vi.setSystemTime(Date.now() + CHECK_MS + 1_000);
    await daily(); // answers with the known figures and starts the check
    await vi.waitFor(async () => expect((await daily())?.records).toBe(5), { timeout: 10_000 });
    expect((await daily())?.computedAt).not.toBe(first?.computedAt);
  });

  it('without /metrics, trusts a count for NO_SIGNAL_MS instead of counting at every check', async () => {
    await withOwnInfluxd('--metrics-disabled', async (server) => {
      await provision(ai5Spec(), undefined, connection());
      const write = (d: string) =>
        fetch(`${server.url}/api/v2/write?org=homeiq&bucket=${DAILY}&precision=ns`, {
          method: 'POST',
          body: `time_based_daily,date=${d},entity_id=e frequency=1 ${Date.parse(`${d}T00:00:00Z`)}000000`,
          headers: { Authorization: `Token ${server.token}` },
        });
      expect((await write(day(2))).status).toBe(204);
      const first = await daily();
      expect(first?.records).toBe(1);
      expect((await write(day(3))).status).toBe(204);
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(Date.now() + CHECK_MS + 1_000);
      await daily();
      await vi.waitFor(async () => expect((await daily())?.checkedAt).toBeTruthy(), { timeout: 10_000 });
      expect((await daily())?.records).toBe(1);
      vi.setSystemTime(Date.now() + NO_SIGNAL_MS);
      await daily();
      await vi.waitFor(async () => expect((await daily())?.records).toBe(2), { timeout: 10_000 });
    });
  });
});
