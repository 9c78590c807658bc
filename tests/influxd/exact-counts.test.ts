import { connection } from '@/lib/influx/client';
import { beforeEach, describe, expect, it } from 'vitest';
import { writeLines } from '@/lib/influx/write';
import { provision } from '@/lib/provision/apply';
import { ai5Spec } from '@/lib/spec/load';
import { forgetCachedReads } from '@/lib/stats/memo';
import { runChecks } from '@/lib/use-cases/run-checks';
import { readStats } from '@/lib/use-cases/read-stats';
import { CLI_ACTOR } from '@/lib/auth/actor';
import { resetBuckets } from '../support/reset';
import { truth } from '../support/truth';
import { unwrap } from '../support/unwrap';

const DAILY = 'pattern_aggregates_daily';
const midnight = (daysAgo: number) => Math.floor(Date.now() / 86_400_000 - daysAgo) * 86_400_000;
const ns = (ms: number) => `${ms}000000`;
const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('records are points, exact whichever fields they carry', () => {
  beforeEach(async () => {
    await resetBuckets();
    forgetCachedReads();
    await provision(ai5Spec(), undefined, connection());
  });

  it('matches the raw rows for points missing fields, a point written twice, and a measurement outside the spec', async () => {
    const [d3, d2, d1] = [midnight(3), midnight(2), midnight(1)];
    const full = (d: number, e: string) =>
      `time_based_daily,date=${date(d)},domain=light,entity_id=${e} frequency=1,confidence=0.5,occurrences=3i,hourly_distribution="[]",peak_hours="[]" ${ns(d)}`;
    await writeLines(
      DAILY,
      [
        full(d3, 'light.a'),
        full(d2, 'light.a'),
        // HomeIQ's writer drops None/NaN fields: a point without `confidence` (the field counted before).
        `time_based_daily,date=${date(d1)},domain=light,entity_id=light.a frequency=1,occurrences=3i,hourly_distribution="[]",peak_hours="[]" ${ns(d1)}`,
        // Two points of one series, each missing a different field, at different times of one day.
        `time_based_daily,date=${date(d1)},domain=light,entity_id=light.b frequency=2 ${ns(d1)}`,
        `time_based_daily,date=${date(d1)},domain=light,entity_id=light.b occurrences=4i ${ns(d1 + 60_000)}`,
        // The same point written twice (series and time): InfluxDB keeps one.
        full(d2, 'light.c'),
        full(d2, 'light.c').replace('frequency=1', 'frequency=9'),
        // anomaly_daily without anomaly_score.
        `anomaly_daily,anomaly_type=late,date=${date(d1)},entity_id=lock.front baseline_deviation=2.5,occurrences=3i,severity="high" ${ns(d1)}`,
        // Outside the spec, with fields that come and go.
        `debug_daily,host=a x=1i ${ns(d2)}`,
        `debug_daily,host=a y=2i ${ns(d2 + 1_000)}`,
        `debug_daily,host=b x=1i,y=2i ${ns(d1)}`,
      ],
      connection(),
    );
    const expected = await truth(DAILY);
    expect(expected.get('time_based_daily')?.records).toBe(6);
    const stats = unwrap(await readStats(DAILY, { mode: 'fresh' }))[0];
    const all = [...(stats?.measurements ?? []), ...(stats?.unexpected ?? [])].filter((m) => m.records > 0);
    expect(all.map((m) => m.name).sort()).toEqual([...expected.keys()].sort());
    for (const m of all) {
      const t = expected.get(m.name);
      expect({ name: m.name, records: m.records, tagSets: m.tagSets }).toEqual({ name: m.name, records: t?.records, tagSets: t?.tagSets });
      expect(new Map(m.perDay.map((d) => [d.day, d.records]))).toEqual(t?.perDay);
      expect([Date.parse(m.firstTime ?? ''), Date.parse(m.lastTime ?? '')]).toEqual([Date.parse(t?.first ?? ''), Date.parse(t?.last ?? '')]);
    }
    expect(stats?.records).toBe([...expected.values()].reduce((n, t) => n + t.records, 0));
  });

  it('gives the verify volume check the exact total', async () => {
    const d1 = midnight(1);
    await writeLines(
      DAILY,
      [
        `anomaly_daily,anomaly_type=late,date=${date(d1)},entity_id=lock.front baseline_deviation=2.5 ${ns(d1)}`,
        `anomaly_daily,anomaly_type=late,date=${date(d1)},entity_id=lock.back severity="low" ${ns(d1)}`,
      ],
      connection(),
    );
    const checks: { id: string; detail: string }[] = [];
    unwrap(await runChecks(CLI_ACTOR, { onResult: (r) => checks.push(r) }));
    expect(checks.find((c) => c.id === `bucket-volume:${DAILY}`)?.detail).toMatch(/^2 records;/);
  });
});
