import 'server-only';
import { openDb } from '../db';
import { listBuckets } from '../influx/buckets';
import { connection } from '../influx/client';
import { consoleError, InfluxError, type ConsoleError } from '../influx/errors';
import { requireOrg } from '../influx/orgs';
import { activeSpec } from '../spec/load';
import type { BucketStats } from '../stats/bucket-stats';
import { readStats } from '../stats/stats-commands';
import { readBudgets, type Budget } from './budgets';
import { readDiskUsage } from './disk';
import { project, recordsRatePerDay, slopePerDay, type Projection } from './projection';
import { RANGES, type RangeKey } from './ranges';
import { readSamples, type StorageSample } from './samples';


export interface BucketStorage {
  name: string;
  retentionSeconds: number;
  estimatedRecords: number | null;
  records: number;
  diskBytes: number | null;
  series: number | null;
  /** Records per UTC day and the running total, from the data itself. */
  recordsPerDay: { day: string; records: number; cumulative: number }[];
  /** Disk and series samples over the selected range. */
  samples: { ts: number; diskBytes: number; series: number }[];
  measuredBytesPerDay: number | null;
  budget: Budget | null;
  projection: Projection;
}

export interface StorageReport {
  range: RangeKey;
  metrics: { available: true } | { available: false; error: ConsoleError };
  buckets: BucketStorage[];
  warnings: { bucket: string; message: string }[];
  generatedAt: string;
}

const METRICS_FIX = 'Start influxd without --metrics-disabled (it is an influxd flag), and make sure INFLUXDB_URL/metrics is reachable from the console.';

/** Everything the Storage screen and `stats --json` show: current bytes, history, records, projection, budgets. */
export async function readStorage(range: RangeKey = '30d', now: number = Date.now(), known?: BucketStats[]): Promise<StorageReport> {
  const spec = activeSpec();
  if (!spec.ok) throw new InfluxError(spec.error);
  const conn = connection();
  const org = await requireOrg(conn.env.org, conn);
  const buckets = await listBuckets({ orgID: org.id }, conn);
  const stats = known ? { ok: true as const, data: known } : await readStats();
  if (!stats.ok) throw new InfluxError(stats.error);

  let metrics: StorageReport['metrics'] = { available: true };
  let disk = new Map<string, { diskBytes: number; series: number }>();
  try {
    const usage = await readDiskUsage(buckets, conn);
    if (usage.kind === 'disabled') metrics = { available: false, error: consoleError('forbidden', `InfluxDB's /metrics answers ${usage.status}: bytes on disk cannot be read, so only the records-based view is shown.`, METRICS_FIX) };
    else disk = new Map(usage.readings.map((r) => [r.bucketName, { diskBytes: r.diskBytes, series: r.series }]));
  } catch {
    metrics = { available: false, error: consoleError('unreachable', "InfluxDB's /metrics is unreachable: only the records-based view is shown.", METRICS_FIX) };
  }

  const db = openDb();
  const budgets = readBudgets(db);
  const history = readSamples(db, now - RANGES[range]);
  const result: BucketStorage[] = stats.data.map((s) => {
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
      measuredBytesPerDay: slopePerDay(samples.map((p) => ({ t: p.ts, v: p.diskBytes }))),
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
  };
}
