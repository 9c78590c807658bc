import { beforeEach, describe, expect, it } from 'vitest';
import { queryRows } from '@/lib/influx/query';
import { writeLines } from '@/lib/influx/write';
import { provision } from '@/lib/provision/apply';
import { ai5Spec } from '@/lib/spec/load';
import { forgetCachedReads } from '@/lib/stats/memo';
import { runChecks } from '@/lib/use-cases/run-checks';
import { readStats } from '@/lib/use-cases/read-stats';
import { CLI_ACTOR } from '@/lib/auth/actor';
import { resetBuckets } from '../support/reset';
import { unwrap } from '../support/unwrap';

const DAILY = 'pattern_aggregates_daily';
const NOT_TAGS = new Set(['result', 'table', '_start', '_stop', '_time', '_value', '_field']);

/** Ground truth from the raw rows: one point per distinct (measurement, tag set, time), whatever its fields. */
async function truth(bucket: string): Promise<Map<string, { records: number; tagSets: number; perDay: Map<string, number>; first: string; last: string }>> {
  const rows = await queryRows(`from(bucket: ${JSON.stringify(bucket)}) |> range(start: 1970-01-01T00:00:00Z, stop: 2262-04-11T00:00:00Z)`);
  const points = new Map<string, Set<string>>();
  const series = new Map<string, Set<string>>();
  for (const r of rows) {
    const m = String(r._measurement);
    const tags = Object.keys(r).filter((k) => !NOT_TAGS.has(k) && k !== '_measurement').sort().map((k) => `${k}=${String(r[k])}`).join(',');
    points.set(m, (points.get(m) ?? new Set()).add(`${tags}|${String(r._time)}`));
    series.set(m, (series.get(m) ?? new Set()).add(tags));
  }
  const out = new Map<string, { records: number; tagSets: number; perDay: Map<string, number>; first: string; last: string }>();
  for (const [m, set] of points) {
    const times = [...set].map((p) => p.split('|')[1] ?? '').sort();
    const perDay = new Map<string, number>();
    for (const t of times) perDay.set(t.slice(0, 10), (perDay.get(t.slice(0, 10)) ?? 0) + 1);
    out.set(m, { records: set.size, tagSets: series.get(m)?.size ?? 0, perDay, first: times[0] ?? '', last: times.at(-1) ?? '' });
  }
  return out;
}

const midnight = (daysAgo: number) => Math.floor(Date.now() / 86_400_000 - daysAgo) * 86_400_000;
const ns = (ms: number) => `${ms}000000`;
const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('records are points, exact whichever fields they carry', () => {
  beforeEach(async () => {
    await resetBuckets();
    forgetCachedReads();
    await provision(ai5Spec());
  });

  it('matches the raw rows for points missing fields, a point written twice, and a measurement outside the spec', async () => {
    const [d3, d2, d1] = [midnight(3), midnight(2), midnight(1)];
    const full = (d: number, e: string) => `time_based_daily,date=${date(d)},domain=light,entity_id=${e} frequency=1,confidence=0.5,occurrences=3i,hourly_distribution="[]",peak_hours="[]" ${ns(d)}`;
    await writeLines(DAILY, [
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
    ]);
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
    await writeLines(DAILY, [`anomaly_daily,anomaly_type=late,date=${date(d1)},entity_id=lock.front baseline_deviation=2.5 ${ns(d1)}`, `anomaly_daily,anomaly_type=late,date=${date(d1)},entity_id=lock.back severity="low" ${ns(d1)}`]);
    const checks: { id: string; detail: string }[] = [];
    unwrap(await runChecks(CLI_ACTOR, { onResult: (r) => checks.push(r) }));
    expect(checks.find((c) => c.id === `bucket-volume:${DAILY}`)?.detail).toMatch(/^2 records;/);
  });
});
