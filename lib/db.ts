import 'server-only';
import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from './data-dir';

/**
 * The console's embedded SQLite database (`console.db` in the data folder): storage samples,
 * budgets and the audit log. One connection per process and file, shared by every bundle.
 */
export type Db = Database.Database;

/** Append-only: a shipped migration is never edited (lib/db.test.ts upgrades from every earlier version). */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS storage_samples (
     ts INTEGER NOT NULL,            -- unix ms
     resolution TEXT NOT NULL,       -- raw | hour | day
     bucket_id TEXT NOT NULL,
     bucket_name TEXT NOT NULL,
     disk_bytes REAL NOT NULL,
     tsm_bytes REAL NOT NULL,
     wal_bytes REAL NOT NULL,
     series REAL NOT NULL,
     measurements REAL NOT NULL,
     n INTEGER NOT NULL DEFAULT 1    -- raw samples folded into this row
   );
   CREATE INDEX IF NOT EXISTS storage_samples_by_time ON storage_samples (resolution, ts);
   CREATE INDEX IF NOT EXISTS storage_samples_by_bucket ON storage_samples (bucket_name, ts);
   CREATE TABLE IF NOT EXISTS budgets (
     bucket_name TEXT PRIMARY KEY,
     max_bytes REAL,
     max_records REAL,
     updated_at INTEGER NOT NULL
   );`,
  `CREATE TABLE IF NOT EXISTS audit_log (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     ts INTEGER NOT NULL,
     role TEXT NOT NULL,
     action TEXT NOT NULL,
     bucket TEXT,
     before_json TEXT,
     after_json TEXT,
     result TEXT NOT NULL,
     message TEXT NOT NULL
   );
   CREATE INDEX IF NOT EXISTS audit_log_by_time ON audit_log (ts);`,
  // Server-side sessions: the signed cookie names one; sign-out or a password change ends every copy.
  `CREATE TABLE IF NOT EXISTS sessions (
     id TEXT PRIMARY KEY,
     role TEXT NOT NULL,
     created_at INTEGER NOT NULL,    -- unix ms
     expires_at INTEGER NOT NULL,    -- unix ms
     password_fp TEXT NOT NULL,      -- fingerprint of the password it was issued under
     revoked_at INTEGER
   );
   CREATE INDEX IF NOT EXISTS sessions_by_expiry ON sessions (expires_at);`,
  // Record counts kept per time slice (lib/stats/slice-store.ts), shared by the server and the CLI.
  `CREATE TABLE IF NOT EXISTS count_buckets (
     influx_url TEXT NOT NULL,
     bucket_id TEXT NOT NULL,
     instance_json TEXT,             -- the influxd process the shard states came from
     shards_json TEXT,               -- shard id -> /metrics state when last refreshed; NULL without /metrics
     refreshed_at INTEGER NOT NULL,  -- unix ms: counts known to be up to date at this time
     reconciled_at INTEGER NOT NULL, -- unix ms: last time every slice was counted
     revision INTEGER NOT NULL,      -- bumped whenever a slice's counts are replaced
     pending_json TEXT NOT NULL DEFAULT '[]', -- slices a refresh set out to count and has not yet
     PRIMARY KEY (influx_url, bucket_id)
   );
   CREATE TABLE IF NOT EXISTS count_slices (
     influx_url TEXT NOT NULL,
     bucket_id TEXT NOT NULL,
     start TEXT NOT NULL,
     stop TEXT NOT NULL,
     counted_at INTEGER NOT NULL,
     series INTEGER NOT NULL,        -- influxdb.cardinality of the slice when counted
     shards_json TEXT NOT NULL,      -- shard ids known to hold the slice
     counts_json TEXT NOT NULL,      -- measurement -> records, tag sets, records per day
     PRIMARY KEY (influx_url, bucket_id, start, stop)
   );`,
  // Alerts (lib/alerts/store.ts): one incident per condition while it lasts, and every delivery.
  `CREATE TABLE IF NOT EXISTS alert_incidents (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     key TEXT NOT NULL,
     kind TEXT NOT NULL,
     title TEXT NOT NULL,
     message TEXT NOT NULL,
     opened_at INTEGER NOT NULL,
     resolved_at INTEGER
   );
   CREATE UNIQUE INDEX IF NOT EXISTS alert_incidents_open ON alert_incidents (key) WHERE resolved_at IS NULL;
   CREATE TABLE IF NOT EXISTS alert_deliveries (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     incident_id INTEGER,            -- NULL for a test alert
     event TEXT NOT NULL,            -- open | resolved | test
     ts INTEGER NOT NULL,
     ok INTEGER NOT NULL,
     attempts INTEGER NOT NULL,
     status INTEGER,
     error TEXT
   );
   CREATE INDEX IF NOT EXISTS alert_deliveries_by_time ON alert_deliveries (ts);`,
  // Insights (lib/insights/rejection-store.ts): when /metrics first showed a bucket's refused writes.
  `CREATE TABLE IF NOT EXISTS write_rejections (
     influx_url TEXT NOT NULL,
     bucket_id TEXT NOT NULL,
     since INTEGER NOT NULL,         -- unix ms of the first scrape that saw the counters above zero
     dropped_points REAL NOT NULL,
     failed_writes REAL NOT NULL,
     PRIMARY KEY (influx_url, bucket_id)
   );`,
  // The last details read of a bucket's counts (series, keys, first/last times: lib/stats/details.ts).
  `ALTER TABLE count_buckets ADD COLUMN details_json TEXT;`,
];

const KEY = Symbol.for('homeiq-influx-console.db');
type Registry = Map<string, Db>;

export function openDb(path: string = join(dataDir(), 'console.db')): Db {
  const registry = ((globalThis as Record<symbol, unknown>)[KEY] as Registry | undefined) ?? new Map<string, Db>();
  (globalThis as Record<symbol, unknown>)[KEY] = registry;
  const open = registry.get(path);
  if (open?.open) return open;
  // Mode 600 before SQLite opens it: its -wal and -shm files take the database file's mode.
  if (path !== ':memory:') {
    closeSync(openSync(/*turbopackIgnore: true*/ path, 'a', 0o600));
    for (const file of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(/*turbopackIgnore: true*/ file)) chmodSync(/*turbopackIgnore: true*/ file, 0o600);
  }
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  const version = Number(db.pragma('user_version', { simple: true }));
  for (let v = version; v < MIGRATIONS.length; v++) {
    db.exec(MIGRATIONS[v] ?? '');
    db.pragma(`user_version = ${v + 1}`);
  }
  registry.set(path, db);
  return db;
}

/** For tests: closes and forgets a database, as a restart would. */
export function closeDb(path: string): void {
  const registry = (globalThis as Record<symbol, unknown>)[KEY] as Registry | undefined;
  registry?.get(path)?.close();
  registry?.delete(path);
}
