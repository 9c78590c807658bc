import 'server-only';
import type { Connection } from '../influx/client';
import type { MeasurementCount } from '../model/stats';
import { refreshCounts, type CountableBucket } from './incremental';
import type { RefreshMode } from './refresh-plan';
import { scrapeMetrics } from './scrape';
import { mergeSlices } from './slice-counts';

export type { CountableBucket };

/**
 * Records (points, exact) and tag sets per measurement of a bucket, from the counts kept in
 * console.db, brought up to date first (only the slices that may have changed are counted).
 * The verify checks read this; the Measurements screen reads the same slices.
 */
export async function countRecords(bucket: CountableBucket, conn: Connection, mode: RefreshMode = 'fresh'): Promise<Map<string, MeasurementCount>> {
  const counted = await refreshCounts(conn.env.url, bucket, mode, { conn, metrics: (maxAgeMs) => scrapeMetrics(conn, maxAgeMs) });
  return mergeSlices(counted.slices.map((s) => s.counts)).counts;
}
