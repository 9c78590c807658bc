import 'server-only';
import type { OnProgress } from '../model/progress';
import type { Actor } from '../auth/actor';
import { ConsoleFailure, consoleError } from '../errors';
import { deleteBucket as remove, getOrgBucket } from '../influx/buckets';
import { systemBucket } from '../messages';
import type { BucketInfo } from '../model/bucket';
import { deleteBucketInputSchema } from '../model/bucket-input';
import { fail, type Result } from '../result';
import type { BackupRef } from '../model/backup-first';
import { backupFirst } from './shared/backup-first';
import { outcome, recordChange, withInflux } from './context';
import { bucketSettings } from './shared/bucket-settings';
import { invalidInput } from './shared/invalid-input';

export interface DeletedBucket {
  id: string;
  name: string;
  /** The backup taken of the bucket before it was deleted; null when turned off. */
  backup: BackupRef | null;
}

/** Deletes a bucket of the configured organization, only with its name typed exactly, backed up first unless turned off. */
export async function deleteBucket(raw: unknown, actor: Actor, onProgress?: OnProgress): Promise<Result<DeletedBucket>> {
  const input = deleteBucketInputSchema.safeParse(raw);
  if (!input.success) return fail(invalidInput(input.error));
  let before: BucketInfo | undefined;
  const result = await withInflux(async (ctx): Promise<DeletedBucket> => {
    const { influx } = ctx;
    const current = await getOrgBucket(influx.org.id, input.data.id, influx.conn);
    before = current;
    if (current.system) throw new ConsoleFailure(systemBucket(current.name, 'deleted'));
    if (input.data.confirmName !== current.name) {
      throw new ConsoleFailure({
        ...consoleError('invalid', `Deleting ${current.name} removes all its data.`, `Type the bucket name "${current.name}" exactly to confirm.`),
        fields: { confirmName: `Type ${current.name} to confirm.` },
      });
    }
    const backup = input.data.backupFirst ? await backupFirst(ctx, current.name, `deleting ${current.name}`, onProgress) : null;
    await remove(current.id, influx.conn);
    return { id: current.id, name: current.name, backup };
  });
  recordChange(
    actor,
    outcome(result, {
      action: 'bucket.delete',
      bucket: before?.name ?? input.data.id,
      before: before ? bucketSettings(before) : null,
      after: (d) => (d.backup ? { backup: d.backup.id } : null),
    }),
    { changed: result.ok },
  );
  return result;
}
