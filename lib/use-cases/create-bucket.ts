import 'server-only';
import type { Actor } from '../auth/actor';
import { createBucket as create } from '../influx/buckets';
import type { BucketInfo } from '../model/bucket';
import { createBucketInputSchema, lookalikeOf } from '../model/bucket-input';
import { consoleError, ConsoleFailure } from '../errors';
import { fail, type Result } from '../result';
import { outcome, recordChange, withInflux } from './context';
import { bucketSettings } from './shared/bucket-settings';
import { invalidInput } from './shared/invalid-input';

/** Creates a bucket in the configured organization; bad input makes no call. */
export async function createBucket(raw: unknown, actor: Actor): Promise<Result<BucketInfo>> {
  const input = createBucketInputSchema.safeParse(raw);
  if (!input.success) return fail(invalidInput(input.error));
  const { name, retention, description, shardGroupDuration } = input.data;
  const settings = { retentionSeconds: retention, description, ...(shardGroupDuration === undefined ? {} : { shardGroupDurationSeconds: shardGroupDuration }) };
  const result = await withInflux(async ({ influx }) => {
    const twin = lookalikeOf(
      name,
      (await influx.buckets()).map((b) => b.name),
    );
    if (twin !== null) {
      throw new ConsoleFailure({
        ...consoleError(
          'invalid',
          `"${name}" looks the same as the existing bucket "${twin}" (they differ only in case or in characters that look alike).`,
          `Use "${twin}", or choose a name that reads differently.`,
        ),
        fields: { name: `Looks the same as ${twin}.` },
      });
    }
    return create(influx.org.id, name, settings, influx.conn);
  });
  recordChange(actor, outcome(result, { action: 'bucket.create', bucket: name, before: null, after: bucketSettings }), { changed: result.ok });
  return result;
}
