import 'server-only';
import type { Actor } from '../auth/actor';
import { InfluxError, consoleError } from '../errors';
import { getOrgBucket, updateBucket as update } from '../influx/buckets';
import { systemBucket } from '../messages';
import type { BucketInfo } from '../model/bucket';
import { updateBucketInputSchema } from '../model/bucket-input';
import { formatRetention, shortensRetention } from '../model/retention';
import { retentionBelowShardGroups } from '../model/shard-group';
import { fail, type Result } from '../result';
import { outcome, recordChange, withInflux } from './context';
import { bucketSettings } from './create-bucket';
import { invalidInput } from './invalid-input';

/** Changes retention, description and (when given) the shard-group duration; shortening retention needs the bucket's name typed. */
export async function updateBucket(raw: unknown, actor: Actor): Promise<Result<BucketInfo>> {
  const input = updateBucketInputSchema.safeParse(raw);
  if (!input.success) return fail(invalidInput(input.error));
  const { id, retention, description, shardGroupDuration, confirmName } = input.data;
  let before: BucketInfo | undefined;
  const result = await withInflux(async ({ influx }) => {
    const current = await getOrgBucket(influx.org.id, id, influx.conn);
    before = current;
    if (current.system) throw new InfluxError(systemBucket(current.name, 'edited'));
    // Without a new shard-group duration the bucket keeps its own, which InfluxDB checks against the new retention.
    const kept = shardGroupDuration === undefined ? retentionBelowShardGroups(retention, current.shardGroupDurationSeconds) : null;
    if (kept) {
      throw new InfluxError({
        ...consoleError('invalid', `${kept}.`, `Set the shard-group duration to at most ${formatRetention(retention)} in the same edit, or keep a longer retention.`),
        fields: { shardGroupDuration: `${kept}: set one of at most ${formatRetention(retention)}.` },
      });
    }
    if (shortensRetention(current.retentionSeconds, retention) && confirmName !== current.name) {
      throw new InfluxError({
        ...consoleError(
          'invalid',
          `Shortening the retention of ${current.name} from ${current.retentionText} to ${formatRetention(retention)} expires the data older than ${formatRetention(retention)}.`,
          `Type the bucket name "${current.name}" to confirm.`,
        ),
        fields: { confirmName: `Type ${current.name} to confirm.` },
      });
    }
    return update(id, { retentionSeconds: retention, description, ...(shardGroupDuration === undefined ? {} : { shardGroupDurationSeconds: shardGroupDuration }) }, influx.conn);
  });
  // A bucket of another organization (or none) is not audited by name: nothing about it is revealed.
  recordChange(actor, outcome(result, { action: 'bucket.update', bucket: before?.name ?? id, before: before ? bucketSettings(before) : null, after: bucketSettings }), { changed: result.ok });
  return result;
}
