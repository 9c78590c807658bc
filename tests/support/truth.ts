import { connection } from '@/lib/influx/client';
import { expect } from 'vitest';
import { rfc3339ToNs } from '@/lib/model/line-protocol';
import { queryRows } from '@/lib/influx/query';
import type { BucketStats } from '@/lib/model/stats';
import { readStats } from '@/lib/use-cases/read-stats';
import { unwrap } from './unwrap';

const NOT_TAGS = new Set(['result', 'table', '_start', '_stop', '_time', '_value', '_field']);

/** Ground truth from the raw rows: one point per distinct (measurement, tag set, time), whatever its fields. */
export async function truth(
  bucket: string,
): Promise<Map<string, { records: number; tagSets: number; perDay: Map<string, number>; first: string; last: string }>> {
  const rows = await queryRows(`from(bucket: ${JSON.stringify(bucket)}) |> range(start: 1970-01-01T00:00:00Z, stop: 2262-04-11T00:00:00Z)`, connection());
  const points = new Map<string, Set<string>>();
  const series = new Map<string, Set<string>>();
  for (const r of rows) {
    const m = String(r._measurement);
    const tags = Object.keys(r)
      .filter((k) => !NOT_TAGS.has(k) && k !== '_measurement')
      .sort()
      .map((k) => `${k}=${String(r[k])}`)
      .join(',');
    points.set(m, (points.get(m) ?? new Set()).add(`${tags}|${String(r._time)}`));
    series.set(m, (series.get(m) ?? new Set()).add(tags));
  }
  const out = new Map<string, { records: number; tagSets: number; perDay: Map<string, number>; first: string; last: string }>();
  for (const [m, set] of points) {
    // By instant, not as text: Flux trims trailing zeros of the fraction (".67Z" is later than ".673Z" as text).
    const times = [...set]
      .map((p) => p.split('|')[1] ?? '')
      .sort((a, b) => {
        const [x, y] = [BigInt(rfc3339ToNs(a)), BigInt(rfc3339ToNs(b))];
        return x < y ? -1 : x > y ? 1 : 0;
      });
    const perDay = new Map<string, number>();
    for (const t of times) perDay.set(t.slice(0, 10), (perDay.get(t.slice(0, 10)) ?? 0) + 1);
    out.set(m, { records: set.size, tagSets: series.get(m)?.size ?? 0, perDay, first: times[0] ?? '', last: times.at(-1) ?? '' });
  }
  return out;
}

/**
 * A fresh refresh of `bucket` as the screens make it, checked against the raw rows: records, tag
 * sets, records per day, first and last times of every measurement. Returns the figures.
 */
export async function refreshedExactly(bucket: string): Promise<BucketStats> {
  const stats = unwrap(await readStats(bucket, { mode: 'fresh' }))[0];
  if (!stats) throw new Error(`no stats for ${bucket}`);
  const expected = await truth(bucket);
  const all = [...stats.measurements, ...stats.unexpected].filter((m) => m.records > 0);
  expect(Object.fromEntries(all.map((m) => [m.name, m.records]))).toEqual(Object.fromEntries([...expected].map(([m, t]) => [m, t.records])));
  for (const m of all) {
    const t = expected.get(m.name);
    expect(m.tagSets, `${m.name} tag sets`).toBe(t?.tagSets);
    expect(Object.fromEntries(m.perDay.map((d) => [d.day, d.records])), `${m.name} per day`).toEqual(Object.fromEntries(t?.perDay ?? []));
    expect(m.firstTime && Date.parse(m.firstTime)).toBe(t && Date.parse(t.first));
    expect(m.lastTime && Date.parse(m.lastTime)).toBe(t && Date.parse(t.last));
  }
  return stats;
}
