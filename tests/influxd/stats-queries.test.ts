import { beforeAll, describe, expect, it } from 'vitest';
import { cardinalityQuery, countQuery, dayTotalsQuery, edgeTimesQuery, statsQuery } from '@/lib/influx/queries/stats';
import { escapeMeasurement } from '@/lib/model/line-protocol';
import { rawFlux } from '../support/flux-csv';
import { rawApi, resetBuckets } from '../support/reset';

/**
 * The stats' Flux run against a real influxd on points whose counts the test knows, and checked by
 * what influxd answers (read through its raw query API), not by the query's text. The bucket and a
 * measurement carry the characters a Flux string literal must escape (InfluxDB refuses `"` in a
 * bucket name); the console's own probe points are written too and must never be counted.
 */
const BUCKET = 'stats q ${danger} \\ end';
const ODD = 'm"2 ${x},é';
const D1 = '2026-01-10';
const D2 = '2026-01-11';
const at = (day: string, hms: string) => `${day}T${hms}Z`;
const sec = (iso: string) => Date.parse(iso) / 1000;
const T1 = at(D1, '01:00:00');
const T2 = at(D1, '02:00:00');
const T3 = at(D2, '03:00:00');
const T4 = at(D2, '04:00:00');

const LINES = [
  // m1, series s=a: a point with two fields of different types, a point with one, a point the next day.
  `m1,s=a f1=1.5,f2="x" ${sec(T1)}`,
  `m1,s=a f1=2.5 ${sec(T2)}`,
  `m1,s=a f1=3.5 ${sec(T3)}`,
  // The same point written again (same series and time): influxd keeps one.
  `m1,s=a f1=3.5 ${sec(T3)}`,
  // m1, series s=b: one point with only a boolean field.
  `m1,s=b f3=true ${sec(T1)}`,
  `${escapeMeasurement(ODD)},s=a f1=1i ${sec(T4)}`,
  `_homeiq_console_probe,s=p f1=1i ${sec(T2)}`,
];

const byMeasurement = (rows: Record<string, string>[], column = '_measurement') => Object.fromEntries(rows.map((r) => [r[column], r]));
const slim = (rows: Record<string, string>[], keys: string[]) => rows.map((r) => Object.fromEntries(keys.map((k) => [k, r[k]])));

describe('the stats Flux on a real influxd', () => {
  beforeAll(async () => {
    await resetBuckets();
    const orgs = (await (await rawApi('/api/v2/orgs?org=homeiq')).json()) as { orgs: { id: string }[] };
    const created = await rawApi('/api/v2/buckets', { method: 'POST', body: JSON.stringify({ orgID: orgs.orgs[0]?.id, name: BUCKET, retentionRules: [] }) });
    expect(created.status, await created.clone().text()).toBe(201);
    const res = await rawApi(`/api/v2/write?org=homeiq&bucket=${encodeURIComponent(BUCKET)}&precision=s`, {
      method: 'POST',
      body: LINES.join('\n'),
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
    expect(res.status, await res.clone().text()).toBe(204);
  });

  it('counts points, not field values, per measurement: every field of a series merged, a point written twice once, never the probe', async () => {
    const rows = await rawFlux(countQuery(BUCKET));
    expect(rows).toHaveLength(2);
    const by = byMeasurement(rows);
    expect([by.m1?.records, by.m1?.tagSets]).toEqual(['4', '2']);
    expect([by[ODD]?.records, by[ODD]?.tagSets]).toEqual(['1', '1']);
  });

  it('counts a range: only the points inside it', async () => {
    const by = byMeasurement(await rawFlux(countQuery(BUCKET, { start: at(D1, '00:00:00'), stop: at(D1, '01:30:00') })));
    expect(Object.keys(by)).toEqual(['m1']);
    expect([by.m1?.records, by.m1?.tagSets]).toEqual(['2', '2']);
  });

  it('answers totals, points per day and series by the day of their first point in one query', async () => {
    const rows = await rawFlux(statsQuery(BUCKET));
    const of = (name: string) => rows.filter((r) => r.result === name);
    const totals = byMeasurement(of('totals'));
    expect([totals.m1?.records, totals.m1?.tagSets, totals[ODD]?.records, totals[ODD]?.tagSets]).toEqual(['4', '2', '1', '1']);
    const days = (name: string) =>
      slim(of(name), ['_measurement', '_time', '_value'])
        .map((r) => `${r._measurement} ${r._time?.slice(0, 10)} ${r._value}`)
        .sort();
    expect(days('perday')).toEqual([`${ODD} ${D2} 1`, `m1 ${D1} 3`, `m1 ${D2} 1`].sort());
    // Both m1 series had their first point on D1.
    expect(days('firstperday')).toEqual([`${ODD} ${D2} 1`, `m1 ${D1} 2`].sort());
    expect(rows.every((r) => ['totals', 'perday', 'firstperday'].includes(r.result ?? ''))).toBe(true);
  });

  it('reads the totals of one day alone, under the name the slice reader knows, and refuses a range that is not RFC 3339', async () => {
    const rows = await rawFlux(dayTotalsQuery(BUCKET, { start: at(D2, '00:00:00'), stop: `${'2026-01-12'}T00:00:00Z` }));
    expect(slim(rows, ['result', '_measurement', 'records', 'tagSets']).sort((a, b) => String(a._measurement).localeCompare(String(b._measurement)))).toEqual([
      { result: 'totals', _measurement: ODD, records: '1', tagSets: '1' },
      { result: 'totals', _measurement: 'm1', records: '1', tagSets: '1' },
    ]);
    expect(() => dayTotalsQuery(BUCKET, { start: D2, stop: 'now()' })).toThrow(RangeError);
  });

  it('finds the exact first and last time of each measurement within its edge days, in any field', async () => {
    const rows = await rawFlux(
      edgeTimesQuery(BUCKET, [
        { measurement: 'm1', firstDay: D1, lastDay: D2 },
        { measurement: ODD, firstDay: D2, lastDay: D2 },
      ]),
    );
    const edges = rows.map((r) => `${r._measurement} ${r.edge} ${r._time}`).sort();
    expect(edges).toEqual([`${ODD} first ${T4}`, `${ODD} last ${T4}`, `m1 first ${T1}`, `m1 last ${T3}`].sort());
    expect(edgeTimesQuery(BUCKET, [])).toBe('');
  });

  it('reads the series cardinality of one or several measurements, as influxd reports it', async () => {
    const one = await rawFlux(cardinalityQuery(BUCKET, ['m1']));
    expect(slim(one, ['measurement', '_value'])).toEqual([{ measurement: 'm1', _value: '2' }]);
    const both = byMeasurement(await rawFlux(cardinalityQuery(BUCKET, ['m1', ODD])), 'measurement');
    expect([both.m1?._value, both[ODD]?._value]).toEqual(['2', '1']);
    expect(cardinalityQuery(BUCKET, [])).toBe('');
  });
});
