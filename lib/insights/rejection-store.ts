import 'server-only';
import { openDb, type Db } from '../db';
import { nextMark, type RejectionMark, type Rejections } from './rejected';

interface Row {
  since: number;
  dropped_points: number;
  failed_writes: number;
}

/**
 * Brings the bucket's rejection mark in console.db up to date with a scrape made at `at` and
 * returns it: the time kept is the first scrape that saw refused writes (nextMark).
 */
export function markRejections(url: string, bucketId: string, now: Rejections, at: number, db: Db = openDb()): RejectionMark | null {
  return db.transaction(() => {
    const row = db.prepare('SELECT since, dropped_points, failed_writes FROM write_rejections WHERE influx_url = ? AND bucket_id = ?').get(url, bucketId) as
      Row | undefined;
    const prev = row ? { since: row.since, droppedPoints: row.dropped_points, failedWrites: row.failed_writes } : null;
    const next = nextMark(prev, now, at);
    if (!next) db.prepare('DELETE FROM write_rejections WHERE influx_url = ? AND bucket_id = ?').run(url, bucketId);
    else
      db.prepare(
        `INSERT INTO write_rejections (influx_url, bucket_id, since, dropped_points, failed_writes) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (influx_url, bucket_id) DO UPDATE SET since = excluded.since, dropped_points = excluded.dropped_points, failed_writes = excluded.failed_writes`,
      ).run(url, bucketId, next.since, next.droppedPoints, next.failedWrites);
    return next;
  })();
}
