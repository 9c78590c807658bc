import 'server-only';
import { audit } from '../audit/log';
import { forgetCachedReads } from '../stats/memo';
import type { Actor } from '../auth/actor';
import { attempt } from '../influx/attempt';
import { createBucket, deleteBucket, getBucket, listBuckets, updateBucket, type BucketInfo } from '../influx/buckets';
import { connection } from '../influx/client';
import { consoleError, InfluxError, type ConsoleError } from '../influx/errors';
import { requireOrg } from '../influx/orgs';
import { fail, type Result } from '../result';
import { activeSpec } from '../spec/load';
import { createBucketInputSchema, deleteBucketInputSchema, fieldErrors, updateBucketInputSchema } from './bucket-input';
import { formatRetention, shortensRetention } from './retention';

/**
 * The bucket verbs shared by the server actions and the CLI: validate first (no call is
 * made for bad input), then one gateway call, then a typed result.
 */
export interface BucketRow extends BucketInfo {
  /** Named in the active spec (AI-5). */
  managed: boolean;
}

function invalid(error: import('zod').ZodError): ConsoleError {
  const fields = fieldErrors(error);
  return { ...consoleError('invalid', Object.values(fields).join(' ')), fields };
}

function managedNames(): Set<string> {
  const spec = activeSpec();
  return new Set(spec.ok ? spec.data.buckets.map((b) => b.name) : []);
}

/** Every bucket of the configured organization, all pages. */
export function listOrgBuckets(): Promise<Result<BucketRow[]>> {
  return attempt(async () => {
    const conn = connection();
    const org = await requireOrg(conn.env.org, conn);
    const managed = managedNames();
    const buckets = await listBuckets({ orgID: org.id }, conn);
    return buckets.map((b) => ({ ...b, managed: managed.has(b.name) }));
  });
}

/** Records the outcome of a bucket change in the audit log, drops cached reads, and passes the result on. */
function audited<T>(actor: Actor, action: string, bucket: string, before: unknown, after: (data: T) => unknown, result: Result<T>): Result<T> {
  if (result.ok) forgetCachedReads();
  audit(actor, { action, bucket, before, after: result.ok ? after(result.data) : null, result: result.ok ? 'ok' : 'failed', message: result.ok ? '' : result.error.message });
  return result;
}

const settingsOf = (b: BucketInfo) => ({ retention: b.retentionText, description: b.description });

export async function createBucketCommand(raw: unknown, actor: Actor): Promise<Result<BucketInfo>> {
  const input = createBucketInputSchema.safeParse(raw);
  if (!input.success) return fail(invalid(input.error));
  const result = await attempt(async () => {
    const conn = connection();
    const org = await requireOrg(conn.env.org, conn);
    return createBucket(org.id, input.data.name, { retentionSeconds: input.data.retention, description: input.data.description }, conn);
  });
  return audited(actor, 'bucket.create', input.data.name, null, settingsOf, result);
}

export async function updateBucketCommand(raw: unknown, actor: Actor): Promise<Result<BucketInfo>> {
  const input = updateBucketInputSchema.safeParse(raw);
  if (!input.success) return fail(invalid(input.error));
  const { id, retention, description, confirmName } = input.data;
  const seen: { before?: BucketInfo } = {};
  const result = await attempt(async () => {
    const conn = connection();
    const current = await getBucket(id, conn);
    seen.before = current;
    if (current.system) throw new InfluxError(consoleError('invalid', `${current.name} is a system bucket: InfluxDB manages it, so it cannot be edited here.`, 'Choose a bucket of your own.'));
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
    return updateBucket(id, { retentionSeconds: retention, description }, conn);
  });
  return audited(actor, 'bucket.update', seen.before?.name ?? id, seen.before ? settingsOf(seen.before) : null, settingsOf, result);
}

export async function deleteBucketCommand(raw: unknown, actor: Actor): Promise<Result<{ id: string; name: string }>> {
  const input = deleteBucketInputSchema.safeParse(raw);
  if (!input.success) return fail(invalid(input.error));
  const seen: { before?: BucketInfo } = {};
  const result = await attempt(async () => {
    const conn = connection();
    const current = await getBucket(input.data.id, conn);
    seen.before = current;
    if (current.system) throw new InfluxError(consoleError('invalid', `${current.name} is a system bucket: InfluxDB needs it, so it cannot be deleted.`, 'Choose a bucket of your own.'));
    if (input.data.confirmName !== current.name) {
      throw new InfluxError({ ...consoleError('invalid', `Deleting ${current.name} removes all its data.`, `Type the bucket name "${current.name}" exactly to confirm.`), fields: { confirmName: `Type ${current.name} to confirm.` } });
    }
    await deleteBucket(current.id, conn);
    return { id: current.id, name: current.name };
  });
  return audited(actor, 'bucket.delete', seen.before?.name ?? input.data.id, seen.before ? settingsOf(seen.before) : null, () => null, result);
}
