import type { BucketInfo } from '../../model/bucket';
import { formatRetention } from '../../model/retention';

/** A bucket's settings as the audit log records them before and after a change. */
export const bucketSettings = (b: BucketInfo) => ({
  retention: b.retentionText,
  description: b.description,
  shardGroupDuration: formatRetention(b.shardGroupDurationSeconds),
});
