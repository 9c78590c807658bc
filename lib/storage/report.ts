import 'server-only';
import { openDb } from '../db';
import { consoleError } from '../errors';
import { toConsoleError } from '../influx/errors';
import type { InfluxSession } from '../influx/session';
import type { BucketStorage, StorageReport } from '../model/storage';
import type { BucketStats } from '../stats/bucket-stats';

export type { BucketStorage, StorageReport };
import { readBudgets } from './budgets';
import { readDiskUsage } from './disk';
import { measuredGrowth, project, recordsRatePerDay } from './projection';
import { RANGES, type RangeKey } from './ranges';
import { readSamples, type StorageSample } from './samples';
import { samplerStatus } from './sampler-status';

const METRICS_FIX = 'Start influxd without --metrics-disabled (it is an influxd flag), and make sure INFLUXDB_URL/metrics is reachable from the console.';

/**
 * Everything the Storage screen and `stats --json` show: current bytes, history, records,
 * projection, budgets; from the stats the caller counted, and the session's one bucket list.
 */
export async function storageReport(
  influx: InfluxSession,
  stats: readonly BucketStats[],
  range: RangeKey = '30d',
  now: number = Date.now(),
): Promise<StorageReport> {
  const buckets = await influx.buckets();
  let metrics: StorageReport['metrics'] = { available: true };
  let disk = new Map<string, { diskBytes: number; series: number }>();
  try {
    const usage = await readDiskUsage(buckets, influx.conn);
    if (usage.kind === 'disabled')
      metrics = {
        available: false,
        error: consoleError(
          'forbidden',
          `InfluxDB's /metrics answers ${usage.status}: bytes on disk cannot be read, so only the records-based view is shown.`,
          METRICS_FIX,
        ),
      };
    else disk = new Map(usage.readings.map((r) => [r.bucketName, { diskBytes: r.diskBytes, series: r.series }]));
  } catch (e) {
    const cause = toConsoleError(e);
    metrics = {
      available: false,
      error: consoleError('unreachable', `InfluxDB's /metrics could not be read (${cause.message}): only the records-based view is shown.`, METRICS_FIX),
    };
  }

  const db = openDb();
  const budgets = readBudgets(db);
  const history = readSamples(db, now - RANGES[range]);
  const result: BucketStorage[] = stats.map((s) => {
    const perDay = s.measurements.concat(s.unexpected).flatMap((m) => m.perDay);
    const days = new Map<string, number>();
    for (const d of perDay) days.set(d.day, (days.get(d.day) ?? 0) + d.records);
    let running = 0;
    const recordsPerDay = [...days].sort(([a], [b]) => a.localeCompare(b)).map(([day, records]) => ({ day, records, cumulative: (running += records) }));
    const samples = history.filter((h: StorageSample) => h.bucketName === s.name).map((h) => ({ ts: h.ts, diskBytes: h.diskBytes, series: h.series }));
    const current = disk.get(s.name);
    const budget = budgets.get(s.name) ?? null;
    const projection = project({
      now,
      windowDays: s.retentionSeconds === 0 ? null : s.retentionSeconds / 86_400,
      records: s.records,
      recordsPerDay: recordsRatePerDay(recordsPerDay, now),
      diskBytes: current?.diskBytes ?? null,
      estimatedRecords: s.estimatedRecords,
      budget: { maxBytes: budget?.maxBytes ?? null, maxRecords: budget?.maxRecords ?? null },
    });
    return {
      name: s.name,
      retentionSeconds: s.retentionSeconds,
      estimatedRecords: s.estimatedRecords,
      records: s.records,
      diskBytes: current?.diskBytes ?? null,
      series: current?.series ?? null,
      recordsPerDay,
      samples,
      measuredGrowth: measuredGrowth(samples.map((p) => ({ t: p.ts, v: p.diskBytes }))),
      budget,
      projection,
    };
  });
  return {
    range,
    metrics,
    buckets: result,
    warnings: result.flatMap((b) => b.projection.warnings.map((message) => ({ bucket: b.name, message }))),
    generatedAt: new Date(now).toISOString(),
    sampler: samplerStatus(),
  };
}
