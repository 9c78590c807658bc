import 'server-only';
import type { BucketInfo } from '../influx/buckets';
import type { Connection } from '../influx/client';
import { fetchMetrics } from '../influx/metrics';
import { parsePrometheus, sumBy } from '../influx/prometheus';
import type { StorageReading } from './samples';

/** Each figure of a reading, summed per bucket from the /metrics samples of this name. */
const FIGURES = {
  diskBytes: 'storage_shard_disk_size',
  tsmBytes: 'storage_tsm_files_disk_bytes',
  walBytes: 'storage_wal_size',
  series: 'storage_bucket_series_num',
  measurements: 'storage_bucket_measurement_num',
} as const;
type Figure = keyof typeof FIGURES;
const DISK_METRICS: ReadonlySet<string> = new Set(Object.values(FIGURES));

export type DiskUsage = { kind: 'ok'; readings: StorageReading[] } | { kind: 'disabled'; status: number };

/**
 * Bytes on disk and index sizes per bucket from /metrics. The metrics' `bucket` label is the
 * bucket ID; it is mapped to names with the given buckets (others are left out).
 */
export async function readDiskUsage(buckets: readonly BucketInfo[], conn: Connection): Promise<DiskUsage> {
  const metrics = await fetchMetrics(conn);
  if (metrics.kind === 'disabled') return metrics;
  // Only the samples read here are parsed: the sampler reads /metrics every interval (see SCRAPED_METRICS in lib/stats/scrape.ts).
  const families = parsePrometheus(metrics.text, (name) => DISK_METRICS.has(name));
  const byBucket = (figure: Figure) => sumBy(families, FIGURES[figure], 'bucket');
  const sums = {
    diskBytes: byBucket('diskBytes'),
    tsmBytes: byBucket('tsmBytes'),
    walBytes: byBucket('walBytes'),
    series: byBucket('series'),
    measurements: byBucket('measurements'),
  };
  return {
    kind: 'ok',
    readings: buckets.map((b) => ({
      bucketId: b.id,
      bucketName: b.name,
      diskBytes: sums.diskBytes.get(b.id) ?? 0,
      tsmBytes: sums.tsmBytes.get(b.id) ?? 0,
      walBytes: sums.walBytes.get(b.id) ?? 0,
      series: sums.series.get(b.id) ?? 0,
      measurements: sums.measurements.get(b.id) ?? 0,
    })),
  };
}
