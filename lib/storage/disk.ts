import 'server-only';
import type { BucketInfo } from '../influx/buckets';
import type { Connection } from '../influx/client';
import { fetchMetrics } from '../influx/metrics';
import { parsePrometheus, sumBy } from '../influx/prometheus';
import type { StorageReading } from './samples';

export type DiskUsage = { kind: 'ok'; readings: StorageReading[] } | { kind: 'disabled'; status: number };

/**
 * Bytes on disk and index sizes per bucket from /metrics. The metrics' `bucket` label is the
 * bucket ID; it is mapped to names with the given buckets (others are left out).
 */
export async function readDiskUsage(buckets: readonly BucketInfo[], conn: Connection): Promise<DiskUsage> {
  const metrics = await fetchMetrics(conn);
  if (metrics.kind === 'disabled') return metrics;
  const families = parsePrometheus(metrics.text);
  const disk = sumBy(families, 'storage_shard_disk_size', 'bucket');
  const tsm = sumBy(families, 'storage_tsm_files_disk_bytes', 'bucket');
  const wal = sumBy(families, 'storage_wal_size', 'bucket');
  const series = sumBy(families, 'storage_bucket_series_num', 'bucket');
  const measurements = sumBy(families, 'storage_bucket_measurement_num', 'bucket');
  return {
    kind: 'ok',
    readings: buckets.map((b) => ({
      bucketId: b.id,
      bucketName: b.name,
      diskBytes: disk.get(b.id) ?? 0,
      tsmBytes: tsm.get(b.id) ?? 0,
      walBytes: wal.get(b.id) ?? 0,
      series: series.get(b.id) ?? 0,
      measurements: measurements.get(b.id) ?? 0,
    })),
  };
}
