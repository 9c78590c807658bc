import { findBucket } from '@/lib/influx/buckets';
import { connection } from '@/lib/influx/client';
import { requireOrg } from '@/lib/influx/orgs';
import type { MeasurementCount } from '@/lib/model/stats';
import { countRecords } from '@/lib/stats/records';

/** The console's records per measurement of a bucket, brought up to date as the verify checks do. */
export async function recordsOf(name: string): Promise<Map<string, MeasurementCount>> {
  const conn = connection();
  const org = await requireOrg(conn.env.org, conn);
  const bucket = await findBucket(org.id, name, conn);
  if (!bucket) throw new Error(`no bucket ${name}`);
  return countRecords(bucket, conn);
}
