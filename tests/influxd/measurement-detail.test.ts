import { connection } from '@/lib/influx/client';
import { beforeEach, describe, expect, it } from 'vitest';
import { GET as insightsRoute } from '@/app/api/insights/route';
import { GET as measurementRoute } from '@/app/api/measurement/route';
import { SESSION_COOKIE } from '@/lib/auth/session';
import { startSession } from '@/lib/auth/sessions';
import { provision } from '@/lib/provision/apply';
import { ai5Spec } from '@/lib/spec/load';
import { forgetCachedReads } from '@/lib/stats/memo';
import { readMeasurement } from '@/lib/use-cases/read-measurement';
import { rawApi, resetBuckets } from '../support/reset';
import { unwrap } from '../support/unwrap';

const DAILY = 'pattern_aggregates_daily';
const DAY = 86_400_000;
const midnight = (daysAgo: number) => Math.floor(Date.now() / DAY - daysAgo) * DAY;
const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** HomeIQ's wire format; `omit` drops fields as its writer drops None and NaN. */
const point = (daysAgo: number, entity: string, omit: string[] = []) => {
  const fields = Object.entries({ frequency: '1.5', confidence: '0.9', occurrences: '3i', peak_hours: '"[8]"', hourly_distribution: '"[0]"' })
    .filter(([k]) => !omit.includes(k))
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  return `time_based_daily,date=${date(midnight(daysAgo))},domain=light,entity_id=${entity} ${fields} ${midnight(daysAgo)}000000`;
};

describe('a measurement looked at closely (GET /api/measurement)', () => {
  beforeEach(async () => {
    await resetBuckets();
    forgetCachedReads();
    await provision(ai5Spec(), undefined, connection());
  });

  it('counts records per entity adding up to the measurement, searchable, and pages the newest points with every field', async () => {
    // light.a on 5 days, light.b on 3 (one point without confidence), switch.c on 1.
    const lines = [
      ...[0, 1, 2, 3, 4].map((d) => point(d, 'light.a')),
      point(0, 'light.b'),
      point(1, 'light.b', ['confidence']),
      point(2, 'light.b'),
      point(0, 'switch.c'),
    ];
    const res = await rawApi(`/api/v2/write?org=homeiq&bucket=${DAILY}&precision=ns`, {
      method: 'POST',
      body: lines.join('\n'),
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(res.status).toBe(204);

    const detail = unwrap(await readMeasurement({ bucket: DAILY, measurement: 'time_based_daily', pageSize: 5 }));
    expect(detail.records).toBe(9);
    expect(detail.perTag?.tag).toBe('entity_id');
    expect(detail.perTag?.values).toEqual([
      { value: 'light.a', records: 5 },
      { value: 'light.b', records: 3 },
      { value: 'switch.c', records: 1 },
    ]);
    expect(detail.perTag?.values.reduce((n, v) => n + v.records, 0)).toBe(detail.records);
    expect(detail.perDay.reduce((n, d) => n + d.records, 0)).toBe(9);

    // The newest 5: the 3 points of today and the 2 of yesterday.
    expect(detail.latest.points).toHaveLength(5);
    expect(detail.latest.hasMore).toBe(true);
    expect(detail.latest.points.every((p) => Date.parse(p.time) >= midnight(1))).toBe(true);
    expect(detail.latest.points[0]?.tags).toMatchObject({ date: date(midnight(0)), domain: 'light' });
    expect(Object.keys(detail.latest.points[0]?.fields ?? {}).sort()).toEqual(['confidence', 'frequency', 'hourly_distribution', 'occurrences', 'peak_hours']);
    const noConfidence = detail.latest.points.find((p) => p.tags.entity_id === 'light.b' && p.time.startsWith(date(midnight(1))));
    expect(noConfidence?.fields.confidence).toBeNull();
    expect(detail.insight?.timeTag).toBe('date');

    const page3 = unwrap(await readMeasurement({ bucket: DAILY, measurement: 'time_based_daily', pageSize: 4, page: 3 }));
    expect(page3.latest.points).toHaveLength(1);
    expect(page3.latest.hasMore).toBe(false);
    expect(page3.latest.points[0]?.time.startsWith(date(midnight(4)))).toBe(true);
    // Paging again, with any page and size within the same read, asks InfluxDB nothing: one read per size and change.
    const queries = async () => {
      const text = await (await rawApi('/metrics')).text();
      return text
        .split('\n')
        .filter((l) => l.startsWith('http_api_requests_total{') && (l.includes('path="/api/v2/query"') || l.includes('path="/query"')))
        .reduce((n, l) => n + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);
    };
    const before = await queries();
    // influxd's request counter includes every earlier test's queries: only a lower bound is known.
    expect(before, 'influxd counts its queries').toBeGreaterThan(0);
    const again = unwrap(await readMeasurement({ bucket: DAILY, measurement: 'time_based_daily', pageSize: 4, page: 3 }));
    const other = unwrap(await readMeasurement({ bucket: DAILY, measurement: 'time_based_daily', pageSize: 2, page: 5 }));
    expect(again.latest.points).toEqual(page3.latest.points);
    expect(other.latest.points[0]).toEqual(page3.latest.points[0]);
    expect(await queries(), 'no query for the same newest points').toBe(before);

    const searched = unwrap(await readMeasurement({ bucket: DAILY, measurement: 'time_based_daily', search: 'LIGHT' }));
    expect(searched.perTag).toMatchObject({ search: 'light', distinctValues: 2, records: 8 });
    const byDomain = unwrap(await readMeasurement({ bucket: DAILY, measurement: 'time_based_daily', tag: 'domain' }));
    expect(byDomain.perTag?.values).toEqual([{ value: 'light', records: 9 }]);
  });

  it('answers a signed-in viewer on /api/insights and /api/measurement, refuses bad input with its fix, and the signed-out', async () => {
    expect(
      await (
        await rawApi(`/api/v2/write?org=homeiq&bucket=${DAILY}&precision=ns`, {
          method: 'POST',
          body: [point(0, 'light.a'), point(1, 'light.a')].join('\n'),
          headers: { 'Content-Type': 'text/plain' },
        })
      ).status,
    ).toBe(204);
    // Sessions are server-side and issued under the role's password.
    process.env.CONSOLE_VIEWER_PASSWORD ??= 'integration-viewer-password';
    const viewer = `${SESSION_COOKIE}=${await startSession('viewer')}`;
    const insights = await insightsRoute(new Request(`http://console.test/api/insights?bucket=${DAILY}`, { headers: { cookie: viewer } }));
    expect(insights.status).toBe(200);
    const body = (await insights.json()) as { ok: boolean; data: { buckets: { name: string }[]; findings: { kind: string }[] } };
    expect(body.ok && body.data.buckets.map((b) => b.name)).toEqual([DAILY]);
    expect(body.data.findings.some((f) => f.kind === 'time-tag')).toBe(true);
    expect((await insightsRoute(new Request('http://console.test/api/insights?bucket=_system', { headers: { cookie: viewer } }))).status).toBe(400);
    expect((await insightsRoute(new Request('http://console.test/api/insights'))).status).toBe(401);

    const detail = await measurementRoute(
      new Request(`http://console.test/api/measurement?bucket=${DAILY}&measurement=time_based_daily&page=1`, { headers: { cookie: viewer } }),
    );
    expect(detail.status).toBe(200);
    expect(((await detail.json()) as { data: { records: number } }).data.records).toBe(2);
    const bad = await measurementRoute(new Request(`http://console.test/api/measurement?bucket=${DAILY}&page=0`, { headers: { cookie: viewer } }));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { fix: string } }).error.fix).toContain('?bucket=B&measurement=M');
    // A deep page would read and sort the whole measurement: refused before InfluxDB is asked.
    const deep = await measurementRoute(
      new Request(`http://console.test/api/measurement?bucket=${DAILY}&measurement=time_based_daily&page=100000&pageSize=500`, { headers: { cookie: viewer } }),
    );
    expect(deep.status).toBe(400);
    expect(((await deep.json()) as { error: { message: string; fix: string } }).error).toMatchObject({
      message: expect.stringContaining('newest 500 points'),
      fix: expect.stringContaining('export'),
    });
  });

  it('says what to do for a measurement that is not there', async () => {
    const r = await readMeasurement({ bucket: DAILY, measurement: 'nope' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'not_found', fix: 'Pick a measurement from the Measurements screen.' });
  });
});
