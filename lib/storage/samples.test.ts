import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDb, openDb, type Db } from '../db';
import { downsample, insertReadings, readSamples, RETENTION } from './samples';

const countSamples = (db: Db) => (db.prepare('SELECT COUNT(*) AS n FROM storage_samples').get() as { n: number }).n;

const dirs: string[] = [];
function tempDb() {
  const dir = mkdtempSync(join(tmpdir(), 'console-db-'));
  dirs.push(dir);
  return join(dir, 'console.db');
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const reading = (bucketName: string, diskBytes: number) => ({
  bucketId: `${bucketName}-id`,
  bucketName,
  diskBytes,
  tsmBytes: diskBytes,
  walBytes: 0,
  series: 10,
  measurements: 2,
});

describe('storage samples', () => {
  it('keep a bounded number of rows through a year of sampling every five minutes (compressed clock)', () => {
    const path = tempDb();
    const db = openDb(path);
    const start = Date.parse('2026-01-01T00:00:00Z');
    const STEP = 5 * 60_000;
    let maxRows = 0;
    for (let t = start; t < start + 365 * 86_400_000; t += STEP) {
      insertReadings(db, t, [reading('daily', t - start), reading('weekly', 5)]);
      if ((t - start) % 3_600_000 === 0) {
        downsample(db, t);
        maxRows = Math.max(maxRows, countSamples(db));
      }
    }
    // Two buckets: 2 days of raw samples + 60 days of hours + the days since.
    const bound = 2 * (RETENTION.raw / STEP + RETENTION.hour / 3_600_000 + 366 + 2);
    expect(maxRows).toBeLessThanOrEqual(bound);
    expect(statSync(path).size).toBeLessThan(4 * 1024 * 1024);
    // The averages keep the trend: the oldest daily row of `daily` is far below the newest.
    const rows = readSamples(db, 0).filter((r) => r.bucketName === 'daily');
    expect(rows[0]?.resolution).toBe('day');
    expect(rows.at(-1)?.resolution).toBe('raw');
    expect((rows[0]?.diskBytes ?? 0) < (rows.at(-1)?.diskBytes ?? 0)).toBe(true);
    closeDb(path);
  }, 120_000);

  it('persist across a restart of the console (the database is reopened)', () => {
    const path = tempDb();
    insertReadings(openDb(path), 1000, [reading('daily', 42)]);
    closeDb(path);
    expect(readSamples(openDb(path), 0)).toMatchObject([{ ts: 1000, bucketName: 'daily', diskBytes: 42, resolution: 'raw' }]);
    closeDb(path);
  });
});
