import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, openDb } from '../db';
import { loadCounts, saveSlice, type StoredSlice } from './slice-store';

const dir = mkdtempSync(join(tmpdir(), 'console-slice-store-'));
const path = join(dir, 'console.db');
afterAll(() => {
  closeDb(path);
  rmSync(dir, { recursive: true, force: true });
});

const slice = (start: string, stop: string, records: number): StoredSlice => ({
  key: `${start}/${stop}`,
  start,
  stop,
  countedAt: 1,
  series: 1,
  shards: ['1'],
  counts: { m: { records, tagSets: 1, perDay: {} } },
});

describe('stored slice counts', () => {
  it('leaves out a slice whose stored counts are damaged, so the next refresh counts it again, and keeps the others', () => {
    const db = openDb(path);
    const ref = { url: 'http://influx.test', bucketId: '0000000000000001' };
    saveSlice(ref, slice('2026-12-01T00:00:00Z', '2026-12-02T00:00:00Z', 5), db);
    saveSlice(ref, slice('2026-12-02T00:00:00Z', '2026-12-03T00:00:00Z', 7), db);
    db.prepare("UPDATE count_slices SET counts_json = '{not json' WHERE start = '2026-12-01T00:00:00Z'").run();
    const loaded = loadCounts(ref, db);
    expect([...(loaded?.slices.keys() ?? [])]).toEqual(['2026-12-02T00:00:00Z/2026-12-03T00:00:00Z']);
    expect(loaded?.slices.get('2026-12-02T00:00:00Z/2026-12-03T00:00:00Z')?.counts.m?.records).toBe(7);
  });
});
