import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, openDb } from '@/lib/db';
import { findBucket } from '@/lib/influx/buckets';
import { connection } from '@/lib/influx/client';
import { requireOrg } from '@/lib/influx/orgs';
import { writeLines } from '@/lib/influx/write';
import { provision } from '@/lib/provision/apply';
import { ai5Spec } from '@/lib/spec/load';
import { readDiskUsage } from '@/lib/storage/disk';
import { readStorage as readStorageResult } from '@/lib/use-cases/read-storage';
import { unwrap } from '../support/unwrap';

const readStorage = async (range: string) => unwrap(await readStorageResult(range));
import { sampleOnce } from '@/lib/use-cases/sample-storage';
import { readSamples } from '@/lib/storage/samples';
import { withOwnInfluxd } from '../support/influxd';
import { resetBuckets } from '../support/reset';

const spec = ai5Spec();
let dataDir = '';
let savedDataDir: string | undefined;

beforeAll(async () => {
  savedDataDir = process.env.CONSOLE_DATA_DIR;
  dataDir = mkdtempSync(join(tmpdir(), 'console-data-'));
  process.env.CONSOLE_DATA_DIR = dataDir;
  await resetBuckets();
  await provision(spec, undefined, connection());
});
afterAll(() => {
  closeDb(join(dataDir, 'console.db'));
  rmSync(dataDir, { recursive: true, force: true });
  process.env.CONSOLE_DATA_DIR = savedDataDir;
});

function lines(n: number): string[] {
  const day = Math.floor(Date.now() / 86_400_000 - 1) * 86_400_000;
  const date = new Date(day).toISOString().slice(0, 10);
  return Array.from(
    { length: n },
    (_, i) =>
      `duration_daily,date=${date},entity_id=sensor.e${i} avg_duration_seconds=${i}.5,min_duration_seconds=1,max_duration_seconds=9,duration_variance=2,efficiency_score=0.5 ${day}000000`,
  );
}

describe('storage monitoring against a real influxd', () => {
  it('reads bytes on disk per bucket from /metrics, mapped from the bucket ID to its name', async () => {
    await writeLines('pattern_aggregates_daily', lines(2000), connection());
    const org = await requireOrg('homeiq', connection());
    const daily = await findBucket(org.id, 'pattern_aggregates_daily', connection());
    if (!daily) throw new Error('missing bucket');
    // The engine writes the cache to TSM files after a cold period; poll rather than sleep a fixed time.
    let bytes = 0;
    for (let i = 0; i < 90 && bytes === 0; i++) {
      const usage = await readDiskUsage([daily], connection());
      if (usage.kind !== 'ok') throw new Error('metrics disabled');
      expect(usage.readings[0]?.bucketName).toBe('pattern_aggregates_daily');
      bytes = usage.readings[0]?.diskBytes ?? 0;
      if (bytes === 0) await new Promise((r) => setTimeout(r, 1000));
    }
    // Bytes on disk are the storage engine's business (compression, WAL): only a lower bound is known.
    expect(bytes).toBeGreaterThan(0);
  }, 120_000);

  it('samples /metrics into SQLite, and the samples survive a restart of the console', async () => {
    const outcome = await sampleOnce(Date.now());
    expect(outcome).toMatchObject({ kind: 'sampled' });
    const path = join(dataDir, 'console.db');
    closeDb(path); // as the console process ending
    const rows = readSamples(openDb(path), 0).filter((r) => r.bucketName === 'pattern_aggregates_daily');
    expect(rows.length).toBe(1);
    expect(rows[0]?.bucketId).toMatch(/^[0-9a-f]{16}$/);
  });

  it('projects growth and reports it with the counts', async () => {
    const report = await readStorage('24h');
    const daily = report.buckets.find((b) => b.name === 'pattern_aggregates_daily');
    expect(report.metrics.available).toBe(true);
    expect(daily?.records).toBe(2000);
    expect(daily?.recordsPerDay.at(-1)?.cumulative).toBe(2000);
    // The projection's rate depends on when in the day the points were written: only a lower bound is known.
    expect(daily?.projection.recordsPerDay).toBeGreaterThan(0);
  });

  it('says /metrics is disabled, with the fix, and still shows the records', async () => {
    await withOwnInfluxd('--metrics-disabled', async () => {
      await provision(spec, undefined, connection());
      await writeLines('pattern_aggregates_daily', lines(10), connection());
      const report = await readStorage('24h');
      expect(report.metrics.available).toBe(false);
      if (!report.metrics.available) expect(report.metrics.error.fix).toContain('--metrics-disabled');
      expect(report.buckets.find((b) => b.name === 'pattern_aggregates_daily')?.records).toBe(10);
      expect(report.buckets[0]?.diskBytes).toBeNull();
    });
  });
});
