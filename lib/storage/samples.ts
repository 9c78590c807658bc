import type { Db } from '../db';

/** One reading of a bucket's storage from /metrics. */
export interface StorageReading {
  bucketId: string;
  bucketName: string;
  diskBytes: number;
  tsmBytes: number;
  walBytes: number;
  series: number;
  measurements: number;
}

export interface StorageSample extends StorageReading {
  ts: number;
  resolution: 'raw' | 'hour' | 'day';
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * How long each resolution is kept. Raw samples (one a minute) for two days, hourly averages
 * for 60 days, daily averages for two years: about 2,880 + 1,440 + 730 rows per bucket,
 * whatever the sampling has run for.
 */
export const RETENTION = { raw: 2 * DAY, hour: 60 * DAY, day: 730 * DAY } as const;

export function insertReadings(db: Db, ts: number, readings: readonly StorageReading[]): void {
  const insert = db.prepare(
    `INSERT INTO storage_samples (ts, resolution, bucket_id, bucket_name, disk_bytes, tsm_bytes, wal_bytes, series, measurements)
     VALUES (@ts, 'raw', @bucketId, @bucketName, @diskBytes, @tsmBytes, @walBytes, @series, @measurements)`,
  );
  db.transaction(() => {
    for (const r of readings) insert.run({ ts, ...r });
  })();
}

/** Folds rows of `from` older than its retention into averages of `to` (one per bucket and period). */
function fold(db: Db, from: 'raw' | 'hour', to: 'hour' | 'day', period: number, now: number): void {
  // Integer division in SQL needs integer operands: numbers are bound as REAL otherwise.
  const cutoff = Math.floor((now - RETENTION[from]) / period) * period;
  db.prepare(
    `INSERT INTO storage_samples (ts, resolution, bucket_id, bucket_name, disk_bytes, tsm_bytes, wal_bytes, series, measurements, n)
     SELECT (ts / CAST(@period AS INTEGER)) * CAST(@period AS INTEGER), @to, bucket_id, MAX(bucket_name), AVG(disk_bytes), AVG(tsm_bytes), AVG(wal_bytes), AVG(series), AVG(measurements), SUM(n)
     FROM storage_samples WHERE resolution = @from AND ts < @cutoff
     GROUP BY bucket_id, ts / CAST(@period AS INTEGER)`,
  ).run({ period, to, from, cutoff });
  db.prepare(`DELETE FROM storage_samples WHERE resolution = @from AND ts < @cutoff`).run({ from, cutoff });
}

/** Downsamples old samples and drops the oldest, so the file stays small after a year of sampling. */
export function downsample(db: Db, now: number): void {
  db.transaction(() => {
    fold(db, 'raw', 'hour', HOUR, now);
    fold(db, 'hour', 'day', DAY, now);
    db.prepare(`DELETE FROM storage_samples WHERE resolution = 'day' AND ts < ?`).run(now - RETENTION.day);
  })();
}

export function readSamples(db: Db, since: number): StorageSample[] {
  return db
    .prepare(
      `SELECT ts, resolution, bucket_id AS bucketId, bucket_name AS bucketName, disk_bytes AS diskBytes, tsm_bytes AS tsmBytes,
                wal_bytes AS walBytes, series, measurements
         FROM storage_samples WHERE ts >= ? ORDER BY ts`,
    )
    .all(since) as StorageSample[];
}
