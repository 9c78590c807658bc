import { connection } from '@/lib/influx/client';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '@/cli/run';
import type { Scenario } from '@/lib/aggregates/scenarios';
import { CLI_ACTOR } from '@/lib/auth/actor';
import { loadSampleData } from '@/lib/use-cases/load-sample-data';
import type { Finding, InsightsReport } from '@/lib/model/insights';
import { provision } from '@/lib/provision/apply';
import { ai5Spec } from '@/lib/spec/load';
import { forgetCachedReads } from '@/lib/stats/memo';
import { readInsights } from '@/lib/use-cases/read-insights';
import { runChecks } from '@/lib/verify/run';
import type { CheckResult } from '@/lib/verify/types';
import { rawApi, resetBuckets } from '../support/reset';
import { unwrap } from '../support/unwrap';

const DAILY = 'pattern_aggregates_daily';
const WEEKLY = 'pattern_aggregates_weekly';
const DAY = 86_400_000;
const midnight = (daysAgo: number) => Math.floor(Date.now() / DAY - daysAgo) * DAY;
const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const entities = (n: number) => Array.from({ length: n }, (_, i) => `light.room_${i}`);

/** HomeIQ's wire format (PatternAggregateClient): the date in a tag, the point at its midnight. */
const timeBased = (daysAgo: number, entity: string, tagDate = true) =>
  `time_based_daily,${tagDate ? `date=${date(midnight(daysAgo))},` : ''}domain=light,entity_id=${entity} frequency=1.5,confidence=0.9,occurrences=3i,peak_hours="[8]",hourly_distribution="[0]" ${midnight(daysAgo)}000000`;
const anomaly = (daysAgo: number, entity: string, occurrences = '2i') =>
  `anomaly_daily,anomaly_type=unusual_time,date=${date(midnight(daysAgo))},entity_id=${entity} anomaly_score=0.7,baseline_deviation=2.8,occurrences=${occurrences},severity="medium" ${midnight(daysAgo)}000000`;

/** Writes straight to InfluxDB, as HomeIQ does; returns the HTTP status. */
async function write(bucket: string, lines: string[]): Promise<number> {
  const res = await rawApi(`/api/v2/write?org=homeiq&bucket=${bucket}&precision=ns`, {
    method: 'POST',
    body: lines.join('\n'),
    headers: { 'Content-Type': 'text/plain' },
  });
  await res.body?.cancel();
  return res.status;
}

/** influxdb.cardinality of one measurement, asked of InfluxDB directly. */
async function cardinality(bucket: string, measurement: string): Promise<number> {
  const query = `import "influxdata/influxdb"\ninfluxdb.cardinality(bucket: "${bucket}", start: 1970-01-01T00:00:00Z, stop: 2262-04-11T00:00:00Z, predicate: (r) => r._measurement == "${measurement}")`;
  const res = await rawApi('/api/v2/query?org=homeiq', { method: 'POST', body: JSON.stringify({ query, type: 'flux' }) });
  const csv = await res.text();
  const row = csv.split('\n').find((l) => /^,_result,\d+,/.test(l));
  return Number(row?.trim().split(',').at(-1));
}

async function insights(bucket?: string): Promise<InsightsReport> {
  return unwrap(await readInsights(bucket, { mode: 'fresh' }));
}

const finding = (r: InsightsReport, kind: Finding['kind'], measurement: string | null): Finding | undefined =>
  r.findings.find((f) => f.kind === kind && f.measurement === measurement);

describe('insights on the real influxd, with data in HomeIQ wire format', () => {
  beforeEach(async () => {
    await resetBuckets();
    forgetCachedReads();
    await provision(ai5Spec(), undefined, connection());
  });

  it("names write-time stamps in the writer's local time: +9 h from a point in the future, -8 h from the arrivals the refreshes saw", async () => {
    // HomeIQ's client stamps weekly points with datetime.now(): naive local time, read as UTC.
    const weekly = (stampMs: number, type: string) =>
      `session_weekly,session_type=${type},week=2026-W49 avg_session_duration=12.5,session_count=3i,confidence=0.8 ${stampMs}000000`;
    const tokyo = Date.now() + 9 * 3_600_000 + 123_000;
    expect(await write(WEEKLY, [weekly(tokyo, 'evening')])).toBe(204);
    const east = finding(await insights(WEEKLY), 'clock-offset', 'session_weekly');
    expect(east?.detail).toMatch(/naive local time read as UTC, offset \+9 h/);
    expect(east?.fix).toMatch(/datetime\.now\(timezone\.utc\)/);

    await resetBuckets();
    forgetCachedReads();
    await provision(ai5Spec(), undefined, connection());
    const la = (ms: number) => ms - 8 * 3_600_000;
    expect(await write(WEEKLY, [weekly(la(Date.now() - 3 * DAY), 'morning')])).toBe(204);
    await insights(WEEKLY);
    // The next point arrives between two refreshes, stamped 8 hours before it arrived.
    expect(await write(WEEKLY, [weekly(la(Date.now()), 'general')])).toBe(204);
    const west = finding(await insights(WEEKLY), 'clock-offset', 'session_weekly');
    expect(west?.detail).toMatch(/stamped 8 h before the time the console saw it arrive: a naive local time read as UTC, offset −8 h\. One arrival/);
  });

  it('names the date tag as the driver and projects the series at 90 days, as influxdb.cardinality counts them', async () => {
    const lines = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((d) => entities(30).map((e) => timeBased(d, e)));
    expect(await write(DAILY, lines)).toBe(204);
    const report = await insights(DAILY);
    const m = report.buckets[0]?.measurements.find((x) => x.name === 'time_based_daily');
    const series = await cardinality(DAILY, 'time_based_daily');
    expect(series).toBe(300);
    expect(m?.series).toBe(series);
    expect(m?.drivers.find((d) => d.tag === 'date')).toEqual({ tag: 'date', distinctValues: 10, growsWithTime: true });
    expect(m?.drivers.find((d) => d.tag === 'entity_id')).toEqual({ tag: 'entity_id', distinctValues: 30, growsWithTime: false });
    // 300 series over 10 days: 30 a day, 90 days kept.
    expect(m?.projectedSeries).toBe((series / 10) * 90);
    expect(m?.seriesPerDay.map((d) => d.created)).toEqual(Array(10).fill(30));

    // The same points without the date tag, in a bucket of their own: the "after" figure.
    const orgs = (await (await rawApi('/api/v2/orgs?org=homeiq')).json()) as { orgs: { id: string }[] };
    const created = await rawApi('/api/v2/buckets', {
      method: 'POST',
      body: JSON.stringify({ orgID: orgs.orgs[0]?.id, name: 'insights_without_date', retentionRules: [] }),
    });
    expect(created.status).toBe(201);
    expect(
      await write(
        'insights_without_date',
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((d) => entities(30).map((e) => timeBased(d, e, false))),
      ),
    ).toBe(204);
    expect(m?.seriesWithoutTimeTag).toBe(await cardinality('insights_without_date', 'time_based_daily'));

    const f = finding(report, 'time-tag', 'time_based_daily');
    expect(f?.detail).toContain('300 series now for 300 points');
    expect(f?.detail).toContain('2,700 series');
    expect(f?.fix).toContain('pattern_aggregate_client.py:75 (write_time_based_daily), change `.tag("date", date)` to `.field("date", date)`');
  });

  it('finds a weekly backfill stamped with the write time: 13 weeks within a second', async () => {
    const now = Date.now();
    const weeks = Array.from({ length: 13 }, (_, i) => {
      const d = new Date(now - i * 7 * DAY);
      const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
      t.setUTCDate(t.getUTCDate() + 4 - (t.getUTCDay() || 7));
      const w = Math.ceil(((t.getTime() - Date.UTC(t.getUTCFullYear(), 0, 1)) / DAY + 1) / 7);
      return `${t.getUTCFullYear()}-W${String(w).padStart(2, '0')}`;
    });
    const types = ['morning_routine', 'work_from_home', 'evening_relax', 'night', 'weekend_leisure'];
    let n = 0;
    const lines = weeks.flatMap((week) =>
      types.map(
        (type) =>
          `session_weekly,session_type=${type},week=${week} avg_session_duration=1800,session_count=4i,typical_start_times="[7]",devices_used="[]",confidence=0.8 ${(now - 500 + n++) * 1_000_000}`,
      ),
    );
    expect(await write(WEEKLY, lines)).toBe(204);
    const report = await insights(WEEKLY);
    const f = finding(report, 'write-time-stamps', 'session_weekly');
    expect(f?.detail).toContain(`65 points are stamped on ${date(now)}: 13 weeks' worth at 5 series per week`);
    expect(f?.fix).toContain('pattern_aggregate_client.py:234 (write_session_weekly), change `.time(datetime.now(), WritePrecision.NS)`');
    expect(report.buckets[0]?.measurements.find((m) => m.name === 'session_weekly')?.drivers.find((d) => d.growsWithTime)?.tag).toBe('week');
  });

  it('dates new weekly series by the day of their points, not by the Monday of the week-long slice', async () => {
    // The last day before today that is not a Monday, at 16:48Z (a write-time stamp, as HomeIQ's client makes it).
    const daysAgo = new Date(midnight(1)).getUTCDay() === 1 ? 2 : 1;
    const stamp = midnight(daysAgo) + (16 * 60 + 48) * 60_000;
    const types = ['morning_routine', 'work_from_home', 'evening_relax'];
    const week = `${new Date(stamp).getUTCFullYear()}-W01`;
    expect(
      await write(
        WEEKLY,
        types.map(
          (type, i) => `session_weekly,session_type=${type},week=${week} avg_session_duration=1800,session_count=4i,confidence=0.8 ${(stamp + i) * 1_000_000}`,
        ),
      ),
    ).toBe(204);
    const report = await insights(WEEKLY);
    const m = report.buckets[0]?.measurements.find((x) => x.name === 'session_weekly');
    expect(m?.seriesPerDay).toEqual([{ day: date(stamp), created: 3 }]);
    // Two more series the day before, in the same slice (the stamp is no Monday): each dated by its own day.
    const earlier = stamp - DAY;
    expect(
      await write(
        WEEKLY,
        ['night', 'weekend_leisure'].map(
          (type, i) =>
            `session_weekly,session_type=${type},week=${week} avg_session_duration=1800,session_count=4i,confidence=0.8 ${(earlier + i) * 1_000_000}`,
        ),
      ),
    ).toBe(204);
    const again = (await insights(WEEKLY)).buckets[0]?.measurements.find((x) => x.name === 'session_weekly');
    expect(again?.seriesPerDay).toEqual([
      { day: date(earlier), created: 2 },
      { day: date(stamp), created: 3 },
    ]);
  });

  it("finds week labels built with '%Y-W%V' across New Year from the points' own dates, and passes ISO labels", async () => {
    // SessionDetector's labels as HomeIQ builds them (strftime('%Y-W%V')), each point stamped on its day.
    const session = (week: string, type: string, stamp: string) =>
      `session_weekly,session_type=${type},week=${week} avg_session_duration=1800,session_count=4i,confidence=0.8 ${Date.parse(stamp)}000000`;
    const lines = [
      session('2025-W52', 'general', '2025-12-28T08:00:00Z'),
      session('2025-W01', 'general', '2025-12-29T08:00:00Z'),
      session('2025-W01', 'evening', '2025-12-30T08:00:00Z'),
      session('2026-W53', 'general', '2026-12-31T08:00:00Z'),
      session('2027-W53', 'general', '2027-01-01T08:00:00Z'),
      // day_type_weekly with ISO labels ('%G-W%V') on the same days: nothing to find.
      `day_type_weekly,day_type=weekday,week=2026-W01 avg_events=3.5,confidence=0.9 ${Date.parse('2025-12-29T08:00:00Z')}000000`,
      `day_type_weekly,day_type=weekday,week=2026-W53 avg_events=3.5,confidence=0.9 ${Date.parse('2027-01-01T08:00:00Z')}000000`,
    ];
    expect(await write(WEEKLY, lines)).toBe(204);
    const report = await insights(WEEKLY);
    const f = finding(report, 'week-label', 'session_weekly');
    expect(f?.detail).toContain('session_weekly: 2 of 4 "week" labels are built with the calendar year');
    expect(f?.detail).toContain('"2025-W01" on a point stamped 2025-12-29, whose ISO week is 2026-W01');
    expect(f?.detail).toContain('"2027-W53" on a point stamped 2027-01-01, whose ISO week is 2026-W53');
    expect(f?.detail).toContain('2025-W01 → 2024-12-30, 2027-W53 → 2028-01-03');
    expect(f?.fix).toContain('session_detector.py, build the label with `.strftime("%G-W%V")`');
    expect(finding(report, 'week-label', 'day_type_weekly')).toBeUndefined();
  });

  it('flags a measurement never written and one that stopped 3 days ago, naming their detectors', async () => {
    const lines = [
      ...[0, 1, 2, 3, 4, 5].flatMap((d) => entities(3).map((e) => timeBased(d, e))),
      ...[3, 4, 5, 6].flatMap((d) => entities(2).map((e) => anomaly(d, e))),
    ];
    expect(await write(DAILY, lines)).toBe(204);
    const report = await insights(DAILY);
    expect(finding(report, 'silent', 'anomaly_daily')?.detail).toMatch(/^AnomalyDetector has written nothing for 3 days/);
    expect(finding(report, 'never-written', 'duration_daily')?.detail).toMatch(
      /^DurationDetector has never written duration_daily since the bucket was created/,
    );
    expect(finding(report, 'silent', 'time_based_daily')).toBeUndefined();
    const anomalyInsight = report.buckets[0]?.measurements.find((m) => m.name === 'anomaly_daily');
    expect(anomalyInsight?.lastWritten && Date.parse(anomalyInsight.lastWritten)).toBe(midnight(3));
    expect(anomalyInsight?.cadence).toBe('day');
  });

  it('finds an int/float type change across two days, then counts the points refused by a type conflict', async () => {
    expect(
      await write(
        DAILY,
        entities(3).map((e) => anomaly(2, e, '2i')),
      ),
    ).toBe(204);
    expect(
      await write(
        DAILY,
        entities(3).map((e) => anomaly(1, e, '2.5')),
      ),
    ).toBe(204);
    const before = await insights(DAILY);
    const change = finding(before, 'type-change', 'anomaly_daily');
    expect(change?.detail).toBe(
      `Field occurrences of anomaly_daily is integer on ${date(midnight(2))} and float on ${date(midnight(1))}: a query over both periods fails with a type conflict or reads only one of them.`,
    );
    expect(finding(before, 'rejected-writes', null)).toBeUndefined();

    // A float into the day that holds integers: InfluxDB refuses it within one shard.
    expect(await write(DAILY, [anomaly(2, 'light.late', '3.5'), anomaly(2, 'light.later', '4.5')])).toBe(422);
    const after = await insights(DAILY);
    const rejected = finding(after, 'rejected-writes', null);
    expect(rejected?.detail).toContain(`InfluxDB refused 2 points written to ${DAILY}`);
    expect(after.buckets[0]?.rejectedWrites?.droppedPoints).toBe(2);
    // The time they started is kept: a later look reports the same.
    const since = after.buckets[0]?.rejectedWrites?.since;
    expect(since).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
    expect((await insights(DAILY)).buckets[0]?.rejectedWrites?.since).toBe(since);
  });

  it('verify turns the findings into warnings within the grace, and passes a bucket without any', async () => {
    expect(
      await write(DAILY, [
        ...[0, 1, 2].flatMap((d) => entities(3).map((e) => timeBased(d, e))),
        ...[3, 4].flatMap((d) => entities(2).map((e) => anomaly(d, e))),
      ]),
    ).toBe(204);
    const results = new Map<string, CheckResult>();
    for await (const r of runChecks(ai5Spec(), { conn: connection() })) results.set(r.id, r);
    const daily = results.get(`bucket-insights:${DAILY}`);
    expect(daily?.status).toBe('warn');
    expect(daily?.detail).toContain('silent (anomaly_daily): AnomalyDetector has written nothing for 3 days');
    expect(daily?.detail).toContain('time-tag (time_based_daily)');
    expect(daily?.fix).toContain('pattern_aggregate_client.py');
    expect(results.get(`bucket-insights:${WEEKLY}`)).toMatchObject({ status: 'pass', detail: 'No data yet: nothing to look into.' });
    expect([...results.values()].filter((r) => r.status === 'fail')).toEqual([]);
  });

  it("verify fails the detectors that never wrote or went silent once the bucket has received the others' data past the grace, and warns before", async () => {
    // HomeIQ's pipeline with four daily detectors down: time_based and co_occurrence write every day, anomaly stopped 3 days ago, three never wrote.
    const coOccurrence = (daysAgo: number, pair: string) =>
      `co_occurrence_daily,date=${date(midnight(daysAgo))},device_pair=${pair} co_occurrence_count=4i,time_window_seconds=300i,confidence=0.7,typical_hours="[7]" ${midnight(daysAgo)}000000`;
    const lines = [
      ...[0, 1, 2, 3, 4].flatMap((d) => [...entities(3).map((e) => timeBased(d, e)), coOccurrence(d, 'light.a+light.b')]),
      ...[3, 4].flatMap((d) => entities(2).map((e) => anomaly(d, e))),
    ];
    expect(await write(DAILY, lines)).toBe(204);
    const verify = async (now: number, spec = ai5Spec()) => {
      const results = new Map<string, CheckResult>();
      for await (const r of runChecks(spec, { now: () => now, conn: connection() })) results.set(r.id, r);
      return results;
    };
    const start = Date.now();
    const before = (await verify(start)).get(`bucket-insights:${DAILY}`);
    expect(before?.status).toBe('warn');
    // The bucket was provisioned for this test: it has received the others' data since its creation.
    const since =
      /gate \(anomaly_daily\): AnomalyDetector has written nothing to anomaly_daily since \S+ while the bucket has received the other measurements' data since (\S+) \(/.exec(
        before?.detail ?? '',
      )?.[1];
    expect(since && Math.abs(Date.parse(since) - start)).toBeLessThan(5 * 60_000);
    const failsAt = new Date(Date.parse(since ?? '') + 2 * DAY).toISOString();
    expect(before?.detail).toContain(
      `gate (duration_daily): DurationDetector has never written duration_daily while the bucket has received the other measurements' data since ${since}`,
    );
    expect(before?.detail).toContain(`this becomes a failure at ${failsAt}`);

    // Two days and an hour later: the three never written and the silent one fail the gate.
    const after = await verify(Date.parse(failsAt) + 3_600_000);
    const daily = after.get(`bucket-insights:${DAILY}`);
    expect(daily?.status).toBe('fail');
    expect(daily?.detail).toMatch(/^4 detectors down: /);
    for (const m of ['sequence_daily', 'room_based_daily', 'duration_daily', 'anomaly_daily']) expect(daily?.detail).toContain(`(${m}): `);
    expect(daily?.detail).toContain(`longer than a grace of two cadences, 2 days: the pipeline is broken for it (failing since ${failsAt})`);
    expect(daily?.detail).not.toContain('(time_based_daily): TimeOfDay');
    // The fix names the service HomeIQ's repository shows as the writer, and the commit it describes.
    expect(daily?.fix).toContain(
      "the log of HomeIQ's ai-automation-service (services/ai-automation-service/src/clients/pattern_aggregate_client.py at cd124f35;",
    );
    expect(daily?.fix).toContain('as of main at 580788a4');
    expect(after.get(`bucket-insights:${WEEKLY}`)?.status).toBe('pass');

    // A longer grace in the spec keeps it a warning, with the time it will fail.
    const lenient = ai5Spec();
    const spec = { ...lenient, buckets: lenient.buckets.map((b) => (b.name === DAILY ? { ...b, grace: '7d' } : b)) };
    const graced = (await verify(Date.parse(failsAt) + 3_600_000, spec)).get(`bucket-insights:${DAILY}`);
    expect(graced?.status).toBe('warn');
    expect(graced?.detail).toContain(`this becomes a failure at ${new Date(Date.parse(since ?? '') + 7 * DAY).toISOString()}`);
  });

  it.each<[Scenario, Finding['kind'], string, RegExp]>([
    ['silent-detector', 'silent', 'anomaly_daily', /^AnomalyDetector has written nothing for 3 days/],
    ['silent-detector', 'never-written', 'duration_daily', /^DurationDetector has never written duration_daily/],
    [
      'backfill',
      'write-time-stamps',
      'session_weekly',
      /40 points are stamped on \d{4}-\d{2}-\d{2}: 4 weeks' worth at 5 series per week.*40 points in 20 series: 20 duplicates/,
    ],
    ['type-conflict', 'type-change', 'anomaly_daily', /^Field occurrences of anomaly_daily is float on \d{4}-\d{2}-\d{2} and integer on/],
  ])('the sample scenario %s produces a %s finding for %s', async (scenario, kind, measurement, detail) => {
    const loaded = unwrap(await loadSampleData(CLI_ACTOR, { sample: { days: 6, weeks: 4, entities: 3, seed: 1 }, scenario }));
    // Each scenario's size is the generator's business; the finding below is what the test is about.
    expect(loaded.points).toBeGreaterThan(0);
    const report = await insights();
    expect(finding(report, kind, measurement)?.detail).toMatch(detail);
    if (scenario === 'type-conflict') {
      expect(loaded.refused).toBe(1);
      expect(finding(report, 'rejected-writes', null)?.detail).toContain(`InfluxDB refused 1 point written to ${DAILY}`);
    }
  });

  it('insights --json prints the public shape and exits 0 with findings', async () => {
    expect(
      await write(
        DAILY,
        [0, 1].flatMap((d) => entities(2).map((e) => timeBased(d, e))),
      ),
    ).toBe(204);
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    let code: number;
    let printed: string;
    try {
      code = await runCli(['insights', '--json']);
      printed = out.mock.calls.map((c) => String(c[0])).join('');
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
    expect(code).toBe(0);
    const json = JSON.parse(printed) as InsightsReport;
    expect(json.buckets.map((b) => b.name)).toEqual([DAILY, WEEKLY]);
    for (const b of json.buckets) {
      for (const m of b.measurements) {
        expect(Object.keys(m)).toEqual(expect.arrayContaining(['name', 'series', 'projectedSeries', 'drivers', 'lastWritten', 'cadence']));
        for (const d of m.drivers) expect(Object.keys(d).sort()).toEqual(['distinctValues', 'growsWithTime', 'tag']);
      }
    }
    // The shape of a finding is the contract here; which findings the sample yields is tested above.
    expect(json.findings.length).toBeGreaterThan(0);
    for (const f of json.findings) {
      expect(Object.keys(f).sort()).toEqual(['bucket', 'detail', 'fix', 'kind', 'measurement']);
      expect(['time-tag', 'write-time-stamps', 'week-label', 'never-written', 'silent', 'type-change', 'rejected-writes', 'series-limit']).toContain(f.kind);
    }
    expect(json.findings.some((f) => f.kind === 'time-tag' && f.measurement === 'time_based_daily')).toBe(true);
  });
});
