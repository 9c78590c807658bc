import { beforeEach, describe, expect, it } from 'vitest';
import { listBuckets } from '@/lib/influx/buckets';
import { connection } from '@/lib/influx/client';
import { provision } from '@/lib/provision/apply';
import { ai5Spec } from '@/lib/spec/load';
import { refreshCounts } from '@/lib/stats/incremental';
import { forgetCachedReads } from '@/lib/stats/memo';
import { scrapeMetrics } from '@/lib/stats/scrape';
import { rawApi, resetBuckets } from '../support/reset';
import { refreshedExactly } from '../support/truth';

const DAILY = 'pattern_aggregates_daily';
const WEEKLY = 'pattern_aggregates_weekly';
const DAY = 86_400_000;
const midnight = (daysAgo: number) => Math.floor(Date.now() / DAY - daysAgo) * DAY;
const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const daily = (daysAgo: number, entity: string, hour = 0) => {
  const at = midnight(daysAgo) + hour * 3_600_000;
  return `time_based_daily,date=${date(at)},domain=light,entity_id=${entity} frequency=1.5,confidence=0.9,occurrences=3i ${at}000000`;
};
/** HomeIQ stamps weekly points with the time of the write. */
const weekly = (at: number, entity: string) => `session_weekly,week=2026-W48,session_type=${entity} session_count=3i,confidence=0.8 ${at}000000`;

async function write(bucket: string, lines: string[]): Promise<void> {
  const res = await rawApi(`/api/v2/write?org=homeiq&bucket=${bucket}&precision=ns`, {
    method: 'POST',
    body: lines.join('\n'),
    headers: { 'Content-Type': 'text/plain' },
  });
  expect(res.status).toBe(204);
}

/** One refresh of the counts as the screens make it; how many slices it counted and how many it took as appends. */
async function refresh(name: string): Promise<{ recounted: number; appended: number }> {
  const conn = connection();
  const bucket = (await listBuckets({}, conn)).find((b) => b.name === name);
  if (!bucket) throw new Error(`no bucket ${name}`);
  const r = await refreshCounts(conn.env.url, bucket, 'fresh', { conn, metrics: (maxAgeMs) => scrapeMetrics(conn, maxAgeMs) });
  return { recounted: r.recounted, appended: r.appended };
}

const entities = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `light.${prefix}_${i}`);

describe('a refresh after HomeIQ appends new series reads the index, not the points, and stays exact', () => {
  beforeEach(async () => {
    await resetBuckets();
    forgetCachedReads();
    await provision(ai5Spec(), undefined, connection());
  });

  it('takes new series of one point each into a day as an append, and reads the day again for anything else', async () => {
    await write(
      DAILY,
      [1, 2, 3].flatMap((d) => entities('a', 10).map((e) => daily(d, e))),
    );
    await refreshedExactly(DAILY);

    // Yesterday's aggregates of new entities: one new series per point.
    await write(
      DAILY,
      entities('b', 5).map((e) => daily(1, e)),
    );
    // Yesterday's slice as an append; today's (empty, counted because something changed) is read.
    expect(await refresh(DAILY)).toEqual({ recounted: 2, appended: 1 });
    await refreshedExactly(DAILY);

    // A point written again (InfluxDB keeps one) beside a new one: two points written, one new series.
    await write(DAILY, [daily(1, 'light.a_0'), daily(1, 'light.c_0')]);
    expect((await refresh(DAILY)).appended).toBe(0);
    await refreshedExactly(DAILY);

    // A second point of a series already there (another hour): no new series.
    await write(DAILY, [daily(2, 'light.a_1', 6)]);
    expect((await refresh(DAILY)).appended).toBe(0);
    await refreshedExactly(DAILY);

    // A point refused for its type adds nothing, whichever of influxd's counters it moved.
    const res = await rawApi(`/api/v2/write?org=homeiq&bucket=${DAILY}&precision=ns`, {
      method: 'POST',
      body: `time_based_daily,date=${date(midnight(3))},domain=light,entity_id=light.z occurrences="three" ${midnight(3)}000000`,
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(res.status).toBe(422);
    await refresh(DAILY);
    await refreshedExactly(DAILY);
  });

  it("takes a week's new series stamped today as an append, and reads the week again when one lands on another day", async () => {
    const now = Date.now();
    await write(
      WEEKLY,
      entities('a', 6).map((e, i) => weekly(now - 60_000 - i, e)),
    );
    await refreshedExactly(WEEKLY);

    await write(
      WEEKLY,
      entities('b', 4).map((e, i) => weekly(Date.now() - i, e)),
    );
    expect(await refresh(WEEKLY)).toEqual({ recounted: 1, appended: 1 });
    await refreshedExactly(WEEKLY);

    // A new series on another day of the same 7-day shard group (the day before, or after on a Monday).
    const monday = new Date(midnight(0)).getUTCDay() === 1;
    const other = monday ? midnight(0) + DAY + 3_600_000 : midnight(0) - 3_600_000;
    await write(WEEKLY, [weekly(other, 'light.c_0'), weekly(Date.now(), 'light.c_1')]);
    expect((await refresh(WEEKLY)).appended).toBe(0);
    await refreshedExactly(WEEKLY);
  });
});
