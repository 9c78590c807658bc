import { beforeEach, describe, expect, it } from 'vitest';
import { findBucket, updateBucket, deleteBucket } from '@/lib/influx/buckets';
import { connection } from '@/lib/influx/client';
import { requireOrg } from '@/lib/influx/orgs';
import { writeLines } from '@/lib/influx/write';
import { provision } from '@/lib/provision/apply';
import { ai5Spec } from '@/lib/spec/load';
import { runChecks } from '@/lib/verify/run';
import type { CheckResult } from '@/lib/verify/types';
import { recordsOf } from '../support/counts';
import { rawApi, resetBuckets } from '../support/reset';
import { startInfluxd, stopInfluxd } from '../support/influxd';

const spec = ai5Spec();
const DAILY = 'pattern_aggregates_daily';
const WEEKLY = 'pattern_aggregates_weekly';

async function run(conn = connection()): Promise<Map<string, CheckResult>> {
  const out = new Map<string, CheckResult>();
  for await (const r of runChecks(spec, { conn })) out.set(r.id, r);
  return out;
}

/** Midnight UTC `n` days ago, as a date tag and a nanosecond timestamp: always inside the retention. */
function daysAgo(n: number): { date: string; ns: string } {
  const ms = Math.floor(Date.now() / 86_400_000 - n) * 86_400_000;
  return { date: new Date(ms).toISOString().slice(0, 10), ns: `${ms}000000` };
}
const [d1, d2] = [daysAgo(3), daysAgo(2)];
const SAMPLE = [
  `time_based_daily,date=${d1.date},domain=light,entity_id=light.living\\ room frequency=12.5,confidence=0.85,occurrences=300i,hourly_distribution="[0,1]",peak_hours="[8]" ${d1.ns}`,
  `time_based_daily,date=${d2.date},domain=light,entity_id=light.living\\ room frequency=11.5,confidence=0.8,occurrences=290i,hourly_distribution="[0,1]",peak_hours="[8]" ${d2.ns}`,
  `anomaly_daily,anomaly_type=late,date=${d1.date},entity_id=lock.front anomaly_score=0.9,baseline_deviation=2.5,occurrences=3i,severity="high" ${d1.ns}`,
];

describe('verification checks against a real influxd', () => {
  beforeEach(resetBuckets);

  it('passes every check after provisioning, and the write probe leaves every count unchanged', async () => {
    await provision(spec, undefined, connection());
    await writeLines(DAILY, SAMPLE, connection());
    const before = await recordsOf(DAILY);
    const results = await run();
    const notPassing = [...results.values()].filter((r) => r.status !== 'pass' && r.status !== 'warn');
    expect(notPassing).toEqual([]);
    expect(results.get(`bucket-write:${DAILY}`)?.status).toBe('pass');
    const after = await recordsOf(DAILY);
    expect([...after]).toEqual([...before]);
    expect(after.get('time_based_daily')?.records).toBe(2);
    // The probe's measurement is gone from the data.
    const rows = await rawApi(`/api/v2/query?org=homeiq`, {
      method: 'POST',
      body: JSON.stringify({ query: `from(bucket: "${DAILY}") |> range(start: 0) |> filter(fn: (r) => r._measurement == "_homeiq_console_probe") |> count()` }),
    });
    expect(
      (await rows.text())
        .trim()
        .split('\n')
        .filter((l) => l.includes('_homeiq_console_probe')),
    ).toEqual([]);
  });

  it('fails the token check with a wrong token, with the fix, and skips what depends on it', async () => {
    const results = await run(connection({ ...connection().env, token: 'wrong-token' }));
    const tokenCheck = results.get('token-org');
    expect(tokenCheck?.status).toBe('fail');
    expect(tokenCheck?.fix).toContain('INFLUXDB_TOKEN');
    expect(results.get(`bucket-exists:${DAILY}`)?.status).toBe('skipped');
    expect(results.get('influx-reachable')?.status).toBe('pass');
  });

  it('fails the exists check for a missing bucket and skips its other checks', async () => {
    await provision(spec, undefined, connection());
    const org = await requireOrg('homeiq', connection());
    const weekly = await findBucket(org.id, WEEKLY, connection());
    await deleteBucket(weekly?.id ?? '', connection());
    const results = await run();
    expect(results.get(`bucket-exists:${WEEKLY}`)?.status).toBe('fail');
    expect(results.get(`bucket-exists:${WEEKLY}`)?.fix).toContain('provision');
    expect(results.get(`bucket-retention:${WEEKLY}`)?.status).toBe('skipped');
    expect(results.get(`bucket-exists:${DAILY}`)?.status).toBe('pass');
  });

  it('fails the retention check when the retention differs, with the fix', async () => {
    await provision(spec, undefined, connection());
    const org = await requireOrg('homeiq', connection());
    const daily = await findBucket(org.id, DAILY, connection());
    await updateBucket(daily?.id ?? '', { retentionSeconds: 30 * 86_400, description: daily?.description ?? '' }, connection());
    const r = (await run()).get(`bucket-retention:${DAILY}`);
    expect(r?.status).toBe('fail');
    expect(r?.detail).toContain('30d');
    expect(r?.fix).toContain('90d');
  });

  it('fails the write check, and passes the read check, for a read-only token', async () => {
    await provision(spec, undefined, connection());
    const org = await requireOrg('homeiq', connection());
    const res = await rawApi('/api/v2/authorizations', {
      method: 'POST',
      body: JSON.stringify({
        orgID: org.id,
        description: 'read-only test token',
        permissions: [
          { action: 'read', resource: { type: 'buckets', orgID: org.id } },
          { action: 'read', resource: { type: 'orgs', id: org.id } },
        ],
      }),
    });
    expect(res.status).toBe(201);
    const readOnly = ((await res.json()) as { token: string }).token;
    const results = await run(connection({ ...connection().env, token: readOnly }));
    expect(results.get('token-org')?.status).toBe('pass');
    expect(results.get(`bucket-read:${DAILY}`)?.status).toBe('pass');
    const write = results.get(`bucket-write:${DAILY}`);
    expect(write?.status).toBe('fail');
    expect(write?.fix).toContain('write permission');
  });

  it('reports missing fields and measurements outside the spec', async () => {
    await provision(spec, undefined, connection());
    await writeLines(
      DAILY,
      [
        `time_based_daily,date=${d1.date},domain=light,entity_id=light.x frequency=1.5,confidence=0.5 ${d1.ns}`,
        `debug_daily,date=${d1.date} value=1i ${d1.ns}`,
      ],
      connection(),
    );
    const results = await run();
    const m = results.get(`bucket-measurements:${DAILY}`);
    expect(m?.status).toBe('warn');
    expect(m?.detail).toContain('not in the spec: debug_daily');
    expect(m?.detail).toContain('missing: co_occurrence_daily');
    const schema = results.get(`bucket-schema:${DAILY}`);
    expect(schema?.status).toBe('fail');
    expect(schema?.detail).toContain('time_based_daily: field occurrences');
    expect(schema?.detail).toContain('time_based_daily: field peak_hours');
  });

  it('fails reachability with the seed fix when InfluxDB is stopped, and skips the rest', async () => {
    const server = await startInfluxd();
    await stopInfluxd(server.state);
    const results = await run(connection({ url: server.url, token: server.token, org: 'homeiq' }));
    const reach = results.get('influx-reachable');
    expect(reach?.status).toBe('fail');
    expect(reach?.detail).toContain('unreachable');
    expect(reach?.fix).toContain('Verify InfluxDB is running');
    const others = [...results.values()].filter((r) => r.id !== 'influx-reachable');
    expect(others.every((r) => r.status === 'skipped')).toBe(true);
  });

  it('warns when the volume is above twice the estimate', async () => {
    await provision(spec, undefined, connection());
    const lines = Array.from({ length: 2001 }, (_, i) => `session_weekly,week=2026-W01,session_type=s${i} confidence=0.5,session_count=1i ${d1.ns}`);
    await writeLines(WEEKLY, lines, connection());
    const v = (await run()).get(`bucket-volume:${WEEKLY}`);
    expect(v?.status).toBe('warn');
    expect(v?.detail).toContain('2,001 records');
  });
});
