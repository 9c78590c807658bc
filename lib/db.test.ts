import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readAudit } from './audit/log';
import { closeDb, MIGRATIONS, openDb } from './db';
import { loadCounts, saveDetails, saveSlice } from './stats/slice-store';

const dir = mkdtempSync(join(tmpdir(), 'console-db-upgrade-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const tables = (db: Database.Database) =>
  new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));

/**
 * A console.db as a console of schema version `version` left it: the migrations it shipped (they are
 * append-only, so the first `version` of today's list), with a row in each of its tables.
 */
function shippedDb(path: string, version: number): void {
  const db = new Database(path);
  for (let v = 0; v < version; v++) db.exec(MIGRATIONS[v] ?? '');
  db.pragma(`user_version = ${version}`);
  const has = tables(db);
  if (has.has('budgets'))
    db.prepare('INSERT INTO budgets (bucket_name, max_bytes, max_records, updated_at) VALUES (?, ?, ?, ?)').run('pattern_aggregates_daily', null, 5000, 1);
  if (has.has('storage_samples'))
    db.prepare(
      "INSERT INTO storage_samples (ts, resolution, bucket_id, bucket_name, disk_bytes, tsm_bytes, wal_bytes, series, measurements) VALUES (1, 'raw', 'b', 'pattern_aggregates_daily', 10, 8, 2, 3, 1)",
    ).run();
  if (has.has('audit_log'))
    db.prepare(
      "INSERT INTO audit_log (ts, role, action, bucket, before_json, after_json, result, message) VALUES (?, 'admin', 'bucket.create', 'pattern_aggregates_daily', NULL, '{\"retention\":\"90d\"}', 'ok', '')",
    ).run(Date.now());
  if (has.has('sessions')) db.prepare("INSERT INTO sessions (id, role, created_at, expires_at, password_fp) VALUES ('s1', 'admin', 1, 2, 'fp')").run();
  if (has.has('count_slices')) {
    db.prepare(
      "INSERT INTO count_buckets (influx_url, bucket_id, instance_json, shards_json, refreshed_at, reconciled_at, revision) VALUES ('http://i', 'b', NULL, NULL, 1, 1, 1)",
    ).run();
    db.prepare(
      "INSERT INTO count_slices (influx_url, bucket_id, start, stop, counted_at, series, shards_json, counts_json) VALUES ('http://i', 'b', '2026-12-01T00:00:00Z', '2026-12-02T00:00:00Z', 1, 1, '[]', '{\"m\":{\"records\":4,\"tagSets\":2,\"perDay\":{}}}')",
    ).run();
  }
  db.close();
}

describe('console.db upgrades', () => {
  for (let version = 0; version < MIGRATIONS.length; version++) {
    it(`upgrades a database of schema version ${version} to ${MIGRATIONS.length}, keeping what it held`, () => {
      const path = join(dir, `v${version}.db`);
      shippedDb(path, version);
      const db = openDb(path);
      try {
        expect(Number(db.pragma('user_version', { simple: true }))).toBe(MIGRATIONS.length);
        for (const t of [
          'storage_samples',
          'budgets',
          'audit_log',
          'sessions',
          'count_buckets',
          'count_slices',
          'alert_incidents',
          'alert_deliveries',
          'write_rejections',
        ])
          expect(tables(db).has(t), t).toBe(true);
        if (version >= 1) expect(db.prepare('SELECT max_records FROM budgets').get()).toEqual({ max_records: 5000 });
        if (version >= 2)
          expect(readAudit({ limit: 5 }, db)[0]).toMatchObject({ action: 'bucket.create', bucket: 'pattern_aggregates_daily', after: { retention: '90d' } });
        if (version >= 4)
          expect(loadCounts({ url: 'http://i', bucketId: 'b' }, db)?.slices.get('2026-12-01T00:00:00Z/2026-12-02T00:00:00Z')?.counts.m?.records).toBe(4);
        // What the newest schema added works on the upgraded file.
        saveDetails({ url: 'http://i', bucketId: 'b' }, '{"ok":true}', db);
        saveSlice(
          { url: 'http://i', bucketId: 'b' },
          { key: 'k', start: '2026-12-02T00:00:00Z', stop: '2026-12-03T00:00:00Z', countedAt: 2, series: 1, shards: [], counts: {} },
          db,
        );
        db.prepare("INSERT INTO alert_incidents (key, kind, title, message, opened_at) VALUES ('k', 'verify', 't', 'm', 1)").run();
      } finally {
        closeDb(path);
      }
      // Opened again, nothing is migrated twice.
      const again = openDb(path);
      expect(Number(again.pragma('user_version', { simple: true }))).toBe(MIGRATIONS.length);
      closeDb(path);
    });
  }
});
