import 'server-only';
import type { OnProgress } from '../model/progress';
import type { Actor } from '../auth/actor';
import { ConsoleFailure, consoleError } from '../errors';
import { getOrgBucket, updateBucket as update } from '../influx/buckets';
import { systemBucket } from '../messages';
import type { BucketInfo } from '../model/bucket';
import { updateBucketInputSchema } from '../model/bucket-input';
import { formatRetention, shortensRetention } from '../model/retention';
import { retentionBelowShardGroups } from '../model/shard-group';
import { fail, type Result } from '../result';
import type { BackupRef } from '../model/backup-first';
import { backupFirst } from './shared/backup-first';
import { outcome, recordChange, withInflux } from './context';
import { bucketSettings } from './shared/bucket-settings';
import { invalidInput } from './shared/invalid-input';

/** The bucket as changed, and the backup taken first when its retention shortened (null otherwise or when turned off). */
export type UpdatedBucket = BucketInfo & { backup: BackupRef | null };

/**
 * Changes retention, description and (when given) the shard-group duration; shortening retention
 * needs the bucket's name typed, and backs the bucket up first unless turned off.
 */
export async function updateBucket(raw: unknown, actor: Actor, onProgress?: OnProgress): Promise<Result<UpdatedBucket>> {
  const input = updateBucketInputSchema.safeParse(raw);
  if (!input.success) return fail(invalidInput(input.error));
  const { id, retention, description, shardGroupDuration, confirmName } = input.data;
  let before: BucketInfo | undefined;
  const result = await withInflux(async (ctx): Promise<UpdatedBucket> => {
    const { influx } = ctx;
    const current = await getOrgBucket(influx.org.id, id, influx.conn);
    before = current;
    if (current.system) throw new ConsoleFailure(systemBucket(current.name, 'edited'));
    // Without a new shard-group duration the bucket keeps its own, which InfluxDB checks against the new retention.
    const kept = shardGroupDuration === undefined ? retentionBelowShardGroups(retention, current.shardGroupDurationSeconds) : null;
    if (kept) {
      throw new ConsoleFailure({
        ...consoleError(
          'invalid',
          `${kept}.`,
          `Set the shard-group duration to at most ${formatRetention(retention)} in the same edit, or keep a longer retention.`,
        ),
        fields: { shardGroupDuration: `${kept}: set one of at most ${formatRetention(retention)}.` },
      });
    }
    const shortens = shortensRetention(current.retentionSeconds, retention);
    if (shortens && confirmName !== current.name) {
      throw new ConsoleFailure({
        ...consoleError(
          'invalid',
          `Shortening the retention of ${current.name} from ${current.retentionText} to ${formatRetention(retention)} expires the data older than ${formatRetention(retention)}.`,
          `Type the bucket name "${current.name}" to confirm.`,
        ),
        fields: { confirmName: `Type ${current.name} to confirm.` },
      });
    }
    const backup = shortens && input.data.backupFirst ? await backupFirst(ctx, current.name, `shortening the retention of ${current.name}`, onProgress) : null;
    const updated = await update(
      id,
      { retentionSeconds: retention, description, ...(shardGroupDuration === undefined ? {} : { shardGroupDurationSeconds: shardGroupDuration }) },
      influx.conn,
    );
    return { ...updated, backup };
  });
  // A bucket of another organization (or none) is not audited by name: nothing about it is revealed.
  recordChange(
    actor,
    outcome(result, {
      action: 'bucket.update',
      bucket: before?.name ?? id,
      before: before ? bucketSettings(before) : null,
      after: (b) => ({ ...bucketSettings(b), ...(b.backup ? { backup: b.backup.id } : {}) }),
    }),
    { changed: result.ok },
  );
  return result;
}
