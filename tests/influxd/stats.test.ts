import { connection } from '@/lib/influx/client';
import { beforeEach, describe, expect, it } from 'vitest';
import { queryRows } from '@/lib/influx/query';
import { writeLines } from '@/lib/influx/write';
import { createAggregateWriter } from '@/lib/aggregates/writer';
import { provision } from '@/lib/provision/apply';
import { ai5Spec } from '@/lib/spec/load';
import { unwrap } from '../support/unwrap';
import { readStats } from '@/lib/use-cases/read-stats';
import { resetBuckets } from '../support/reset';

const spec = ai5Spec();
const DAILY = 'pattern_aggregates_daily';

function dayAgo(n: number): string {
  return new Date(Math.floor(Date.now() / 86_400_000 - n) * 86_400_000).toISOString().slice(0, 10);
}

async function influxCardinality(bucket: string, measurement: string): Promise<number> {
  const rows = await queryRows(
    `import "influxdata/influxdb"\ninfluxdb.cardinality(bucket: "${bucket}", start: 1970-01-01T00:00:00Z, stop: 2262-04-11T00:00:00Z, predicate: (r) => r._measurement == "${measurement}")`,
    connection(),
  );
  return Number(rows[0]?._value ?? 0);
}

describe('stats against a real influxd', () => {
  beforeEach(async () => {
    await resetBuckets();
    await provision(spec, undefined, connection());
  });

  it('reports exactly the records and tag sets written, and the cardinality influxdb.cardinality reports', async () => {
    const writer = createAggregateWriter(spec, connection());
    const entities = ['light.living room', 'switch.kitchen,coffee', 'lock.front=door', 'sensor."quoted"'];
    for (let d = 1; d <= 5; d++) {
      for (const entity_id of entities) {
        writer.write('time_based_daily', {
          date: dayAgo(d),
          entity_id,
          domain: entity_id.split('.')[0] ?? 'x',
          hourly_distribution: Array(24).fill(1),
          peak_hours: [8, 9],
          frequency: 1.5,
          confidence: 0.9,
          occurrences: 24,
        });
        writer.write('duration_daily', {
          date: dayAgo(d),
          entity_id,
          avg_duration_seconds: 10,
          min_duration_seconds: 1,
          max_duration_seconds: 20,
          duration_variance: 4,
          efficiency_score: 0.5,
        });
      }
      writer.write('anomaly_daily', {
        date: dayAgo(d),
        entity_id: 'lock.front=door',
        anomaly_type: 'late night',
        anomaly_score: 0.9,
        baseline_deviation: 2,
        occurrences: 1,
        severity: 'high',
      });
    }
    await writer.close();

    const stats = unwrap(await readStats(DAILY, { mode: 'fresh' }))[0];
    if (!stats) throw new Error('no stats');
    const by = Object.fromEntries(stats.measurements.map((m) => [m.name, m]));
    expect(by.time_based_daily).toMatchObject({ records: 20, tagSets: 20 });
    expect(by.duration_daily).toMatchObject({ records: 20, tagSets: 20 });
    expect(by.anomaly_daily).toMatchObject({ records: 5, tagSets: 5 });
    expect(by.sequence_daily).toMatchObject({ records: 0, tagSets: 0, series: 0, firstTime: null });
    expect(stats.records).toBe(45);
    for (const m of ['time_based_daily', 'duration_daily', 'anomaly_daily']) {
      expect(by[m]?.series).toBe(await influxCardinality(DAILY, m));
    }
    expect(by.time_based_daily?.tagKeys).toEqual(['date', 'domain', 'entity_id']);
    expect(by.time_based_daily?.fieldKeys).toEqual(['confidence', 'frequency', 'hourly_distribution', 'occurrences', 'peak_hours']);
    expect(by.time_based_daily?.firstTime).toBe(`${dayAgo(5)}T00:00:00Z`);
    expect(by.time_based_daily?.lastTime).toBe(`${dayAgo(1)}T00:00:00Z`);
    expect(by.time_based_daily?.perDay).toEqual([5, 4, 3, 2, 1].map((d) => ({ day: dayAgo(d), records: 4 })));
    expect(stats.unexpected).toEqual([]);
  });

  it('reports an empty bucket with zeros for every spec measurement, not errors', async () => {
    const result = await readStats(undefined, { mode: 'fresh' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const weekly = result.data.find((b) => b.name === 'pattern_aggregates_weekly');
    expect(weekly?.measurements.map((m) => [m.name, m.records, m.series, m.tagSets])).toEqual([
      ['session_weekly', 0, 0, 0],
      ['day_type_weekly', 0, 0, 0],
      ['contextual_monthly', 0, 0, 0],
      ['seasonal_monthly', 0, 0, 0],
    ]);
  });

  it('lists a measurement outside the spec apart, counting its points once', async () => {
    const ns = `${Date.parse(`${dayAgo(1)}T00:00:00Z`)}000000`;
    await writeLines(
      DAILY,
      [`debug_daily,host=a x=1i,y=2i,z=3i ${ns}`, `debug_daily,host=b x=1i,y=2i ${ns}`, `debug_daily,host=b y=5i ${Number(ns) + 1000}`],
      connection(),
    );
    const stats = unwrap(await readStats(DAILY, { mode: 'fresh' }))[0];
    if (!stats) throw new Error('no stats');
    expect(stats.measurements.map((m) => m.name)).not.toContain('debug_daily');
    expect(stats.unexpected).toHaveLength(1);
    expect(stats.unexpected[0]).toMatchObject({ name: 'debug_daily', detector: null, records: 3, tagSets: 2 });
  });
});
