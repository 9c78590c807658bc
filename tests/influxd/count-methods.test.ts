import { beforeEach, describe, expect, it } from 'vitest';
import { createBucket, type BucketInfo } from '@/lib/influx/buckets';
import { connection } from '@/lib/influx/client';
import { requireOrg } from '@/lib/influx/orgs';
import { writeLines } from '@/lib/influx/write';
import { refreshCounts } from '@/lib/stats/incremental';
import type { CountMethod } from '@/lib/stats/read-slice';
import { scrapeMetrics } from '@/lib/stats/scrape';
import { mergeSlices } from '@/lib/stats/slice-counts';
import { rawApi, resetBuckets } from '../support/reset';
import { truth } from '../support/truth';

const WEEK_MS = 7 * 86_400_000;
const midnight = (daysAgo: number) => Math.floor(Date.now() / 86_400_000 - daysAgo) * 86_400_000;
const ns = (ms: number) => `${ms}000000`;

async function bucket(name: string, retentionSeconds = 0): Promise<BucketInfo> {
  const conn = connection();
  const org = await requireOrg(conn.env.org, conn);
  return createBucket(org.id, name, { retentionSeconds, description: '' }, conn);
}

/** Every slice counted again with `method`: the merged figures, and how they were read. */
async function countedWith(b: BucketInfo, method: CountMethod) {
  const conn = connection();
  const counted = await refreshCounts(conn.env.url, b, 'full', { conn, method, metrics: (maxAgeMs) => scrapeMetrics(conn, maxAgeMs) });
  const { counts, perDay } = mergeSlices(counted.slices.map((s) => s.counts));
  const figures = Object.fromEntries(
    [...counts].map(([m, c]) => [m, { records: c.records, tagSets: c.tagSets, perDay: Object.fromEntries(perDay.get(m) ?? []) }]),
  );
  return { figures, readWith: counted.readWith };
}

async function expected(name: string) {
  return Object.fromEntries([...(await truth(name))].map(([m, t]) => [m, { records: t.records, tagSets: t.tagSets, perDay: Object.fromEntries(t.perDay) }]));
}

describe('slices read through InfluxQL count what Flux counts (ground truth: distinct series and time of the raw rows)', () => {
  beforeEach(resetBuckets);

  it('for names InfluxQL must quote, values with commas and newlines, missing fields, a point written twice, and several shards in one slice', async () => {
    const b = await bucket('odd names');
    const [w3, w2, d1] = [midnight(3) - 2 * WEEK_MS, midnight(3) - WEEK_MS, midnight(1)];
    await writeLines(
      b.name,
      [
        `m\\,x\\ y;'z,t=a\\,b\\=c f=1,g="x" ${ns(w3)}`,
        `m\\,x\\ y;'z,t=a\\,b\\=c g="only g" ${ns(w3 + 1_000)}`,
        `m\\,x\\ y;'z,t=a\\,b\\=c f=2 ${ns(w3)}`,
        `m\\,x\\ y;'z,t=a,b=c\\=d f=2 ${ns(w2)}`,
        `m\\,x\\ y;'z,t=a,b=c\\=d h=true ${ns(w2)}`,
        `m\\,x\\ y;'z f=3 ${ns(d1)}`,
        `back\\\\slash,t=1 s="line1\\nline2 \\"quoted\\"" ${ns(d1)}`,
        `back\\\\slash,t=2 s="x",n=5i ${ns(d1 + 1)}`,
        `back\\\\slash,t=2 n=6i ${ns(d1 + 2)}`,
      ],
      connection(),
    );
    const truthNow = await expected(b.name);
    expect(Object.keys(truthNow).sort()).toEqual(['back\\\\slash', "m,x y;'z"]);
    const viaInfluxql = await countedWith(b, 'auto');
    expect(viaInfluxql.readWith).toBe('influxql');
    expect(viaInfluxql.figures).toEqual(truthNow);
    const viaFlux = await countedWith(b, 'flux');
    expect(viaFlux.readWith).toBe('flux');
    expect(viaFlux.figures).toEqual(truthNow);
  });

  it('dates the series of a week-long slice by the day of their first point, the same through both', async () => {
    const b = await bucket('weekly slices', 365 * 86_400);
    // A week two weeks back, Monday to Sunday: one 7-day shard group, one slice.
    const today = midnight(0);
    const monday = today - (((new Date(today).getUTCDay() + 6) % 7) + 14) * 86_400_000;
    const at = (weekday: number) => monday + weekday * 86_400_000 + 16 * 3_600_000;
    const [wed, sat, sun] = [at(2), at(5), at(6)];
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    await writeLines(
      b.name,
      [
        `session_weekly,session_type=general,week=W avg_session_duration=1.5 ${ns(sun)}`,
        `session_weekly,session_type=general,week=W session_count=2i ${ns(wed)}`,
        `session_weekly,session_type=evening,week=W avg_session_duration=1.5 ${ns(sun)}`,
        `session_weekly,session_type=night,week=W confidence=0.5 ${ns(sat)}`,
        `session_weekly,session_type=night,week=W confidence=0.6 ${ns(sun)}`,
      ],
      connection(),
    );
    const firstDays = async (method: CountMethod) => {
      const conn = connection();
      const counted = await refreshCounts(conn.env.url, b, 'full', { conn, method, metrics: (maxAgeMs) => scrapeMetrics(conn, maxAgeMs) });
      return counted.slices.filter((x) => x.counts.session_weekly).map((x) => ({ start: x.start, firstPerDay: x.counts.session_weekly?.firstPerDay }));
    };
    const expectedDays = [{ start: new Date(monday).toISOString().replace('.000Z', 'Z'), firstPerDay: { [day(wed)]: 1, [day(sat)]: 1, [day(sun)]: 1 } }];
    expect(await firstDays('auto')).toEqual(expectedDays);
    expect(await firstDays('flux')).toEqual(expectedDays);
  });

  it('for more points than one chunk of the streamed answer holds', async () => {
    const b = await bucket('many points', 30 * 86_400);
    const d1 = midnight(1);
    const lines = Array.from({ length: 12_500 }, (_, i) => `many,entity=e${i % 5000} v=${i}i ${ns(d1 + i)}`);
    await writeLines(b.name, lines, connection());
    const viaInfluxql = await countedWith(b, 'auto');
    expect(viaInfluxql.readWith).toBe('influxql');
    expect(viaInfluxql.figures).toEqual({ many: { records: 12_500, tagSets: 5000, perDay: { [new Date(d1).toISOString().slice(0, 10)]: 12_500 } } });
  });

  it('counts every point of a field written as integer in one shard and float in another (Flux reads one shard of it)', async () => {
    const b = await bucket('two types');
    const [w3, d1] = [midnight(1) - 3 * WEEK_MS, midnight(1)];
    await writeLines(b.name, [`conflict,t=a x=1.5 ${ns(w3)}`], connection());
    await writeLines(b.name, [`conflict,t=b x=2i ${ns(d1)}`, `conflict,t=c x=3i ${ns(d1)}`], connection());
    const counted = await countedWith(b, 'auto');
    expect(counted.readWith).toBe('influxql');
    expect(counted.figures.conflict).toMatchObject({ records: 3, tagSets: 3 });
    expect((await countedWith(b, 'flux')).figures.conflict?.records).toBe(1);
  });

  it("reads with Flux when the bucket's name is mapped to another bucket for InfluxQL", async () => {
    const [counted, other] = [await bucket('counted'), await bucket('other')];
    const d1 = midnight(1);
    await writeLines(counted.name, [`m,t=a v=1 ${ns(d1)}`, `m,t=b v=1 ${ns(d1)}`], connection());
    await writeLines(other.name, [`m,t=a v=1 ${ns(d1)}`], connection());
    const res = await rawApi('/api/v2/dbrps', {
      method: 'POST',
      body: JSON.stringify({ orgID: counted.orgID, database: counted.name, retention_policy: 'autogen', default: true, bucketID: other.id }),
    });
    expect(res.status).toBe(201);
    const result = await countedWith(counted, 'auto');
    expect(result.readWith).toBe('flux');
    expect(result.figures.m?.records).toBe(2);
  });

  it('reads with Flux when a tag and a field share a name (SELECT * would rename one of them)', async () => {
    const b = await bucket('shared name', 30 * 86_400);
    const d1 = midnight(1);
    await writeLines(b.name, [`m,x=a x=1 ${ns(d1)}`, `m,x=b x=1 ${ns(d1)}`, `m,x=b y=1 ${ns(d1 + 1)}`], connection());
    const counted = await countedWith(b, 'auto');
    expect(counted.readWith).toBe('flux');
    expect(counted.figures).toEqual(await expected(b.name));
    expect(counted.figures.m).toMatchObject({ records: 3, tagSets: 2 });
  });
});
