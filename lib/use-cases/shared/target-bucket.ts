import { consoleError, ConsoleFailure } from '../../errors';
import { getOrgBucket } from '../../influx/buckets';
import type { InfluxSession } from '../../influx/session';
import { bucketIdUnknown, bucketMissing } from '../../messages';
import type { BucketInfo } from '../../model/bucket';

/** The bucket a data operation names (by ID or name), refused when missing or a system bucket. */
export async function targetBucket(influx: InfluxSession, by: { bucketId?: string; bucket?: string }, verb: string): Promise<BucketInfo> {
  const bucket = by.bucketId !== undefined ? await getOrgBucket(influx.org.id, by.bucketId, influx.conn) : await influx.bucket(by.bucket ?? '');
  if (!bucket)
    throw new ConsoleFailure(
      by.bucket !== undefined ? bucketMissing(by.bucket, 'Check the name with `npm run --silent cli -- buckets list`.') : bucketIdUnknown(),
    );
  if (bucket.system)
    throw new ConsoleFailure(
      consoleError('invalid', `${bucket.name} is a system bucket: InfluxDB manages its data, so it cannot be ${verb} here.`, 'Choose a bucket of your own.'),
    );
  return bucket;
}
