import 'server-only';
import { randomBytes } from 'node:crypto';
import type { Actor } from '../auth/actor';
import { countsDiffer, equalText, manifestBucket, restoreAs } from '../backup/drill';
import { readStored } from '../backup/store';
import { consoleError, ConsoleFailure } from '../errors';
import { deleteBucket, findBucket, renameBucket } from '../influx/buckets';
import { toConsoleError } from '../influx/errors';
import { errorText, log } from '../log';
import { systemBucket } from '../messages';
import { restoreInputSchema, type RestoreInput } from '../model/backup';
import { restoreCommand, type BackupRef } from '../model/backup-first';
import type { OnProgress } from '../model/progress';
import { fail, type Result } from '../result';
import { takeBackup } from './shared/backup-first';
import { outcome, recordChange, withInflux, type Context } from './context';
import { invalidInput } from './shared/invalid-input';

export type { RestoreInput };

/** `backup restore --json` is `{bucket, records, verified}` (and `backup` with --replace); `detail` is what the CLI prints. */
export interface RestoredBackup {
  bucket: string;
  records: number;
  verified: boolean;
  detail: string;
  /** With --replace: the backup taken of the replaced bucket's state before it was replaced. */
  backup?: BackupRef;
}

/** The restored copy is staged under this name until it is verified: unlikely to be anyone's. */
const stagingName = (bucket: string) => `${bucket.slice(0, 200)}_restoring_${randomBytes(4).toString('hex')}`;

/**
 * Over an existing bucket: only with its name typed, and after a backup of its current state
 * (a failed backup changes nothing). The backup is restored into a staging bucket and verified
 * there, while the existing bucket is untouched; only then is the existing one deleted and the
 * staging one renamed to its name.
 */
async function restoreOver(
  ctx: Context,
  input: { id: string; bucket: string; as: string; confirm: string },
  onBackup: (b: BackupRef) => void,
  onProgress?: OnProgress,
): Promise<RestoredBackup> {
  const { org, conn } = ctx.influx;
  const stored = await readStored(ctx.config.backupDir, input.id);
  const expected = manifestBucket(stored.manifest, input.bucket);
  const existing = await findBucket(org.id, input.as, conn);
  if (!existing)
    throw new ConsoleFailure({
      ...consoleError('not_found', `There is no bucket ${input.as} to restore over.`, 'Restore it as a new bucket instead (leave out --replace).'),
      fields: { as: `${input.as} does not exist.` },
    });
  if (existing.system) throw new ConsoleFailure(systemBucket(existing.name, 'deleted'));
  if (input.confirm !== existing.name) {
    throw new ConsoleFailure({
      ...consoleError(
        'invalid',
        `Restoring over ${existing.name} removes all its current data (after backing it up).`,
        `Type the bucket name "${existing.name}" exactly to confirm (CLI: --confirm ${existing.name}).`,
      ),
      fields: { confirm: `Type ${existing.name} to confirm.` },
    });
  }
  let before: BackupRef;
  try {
    const taken = await takeBackup(ctx, { buckets: [existing.name] }, { onProgress });
    before = { id: taken.id, dir: taken.dir, bucket: existing.name, restore: restoreCommand(taken.id, existing.name) };
  } catch (e) {
    const detail = e instanceof ConsoleFailure ? e.detail : toConsoleError(e);
    throw new ConsoleFailure({
      ...detail,
      message: `Nothing was changed: restoring over ${existing.name} backs it up first, and that backup failed. ${detail.message}`,
    });
  }
  onBackup(before);
  const staging = stagingName(existing.name);
  const { id: stagingId, counts: actual } = await restoreAs(stored, input.bucket, staging, org, conn, onProgress);
  let replaced = false;
  try {
    const differs = countsDiffer(existing.name, expected, actual);
    if (differs)
      throw new ConsoleFailure(
        consoleError(
          'internal',
          `Nothing was replaced: the restored copy's counts differ from the backup: ${differs}.`,
          `${existing.name} is as it was. Run \`backup verify ${input.id}\`, or restore another backup.`,
        ),
      );
    await deleteBucket(existing.id, conn);
    replaced = true;
  } finally {
    if (!replaced)
      await deleteBucket(stagingId, conn).catch((e: unknown) =>
        log.error('backup: deleting a staging bucket failed', { bucket: staging, error: errorText(e) }),
      );
  }
  try {
    await renameBucket(stagingId, existing.name, conn);
  } catch (e) {
    const detail = e instanceof ConsoleFailure ? e.detail : toConsoleError(e);
    throw new ConsoleFailure({
      ...detail,
      message: `${existing.name} was deleted and its restored copy, verified, is the bucket ${staging}; renaming it to ${existing.name} failed: ${detail.message}`,
      fix: `Rename ${staging} to ${existing.name} (influx bucket update --id ${stagingId} --name ${existing.name}). The former ${existing.name} is backup ${before.id}.`,
    });
  }
  // The bucket renamed is the staging one, counted and found equal above: the same bucket ID, the same shards.
  return {
    bucket: existing.name,
    records: actual.records,
    verified: true,
    detail: `restored and verified: ${equalText(actual)}; the former ${existing.name} was backed up first as ${before.id}`,
    backup: before,
  };
}

/**
 * Restores one bucket of a backup as a new bucket (or, with `replace`, over an existing one),
 * counts it afresh once every shard is in (every record, shard group by shard group) and compares with the counts recorded at backup time:
 * `verified` only when every measurement matches.
 */
export async function restoreBackup(raw: unknown, actor: Actor, onProgress?: OnProgress): Promise<Result<RestoredBackup>> {
  const input = restoreInputSchema.safeParse(raw);
  if (!input.success) return fail(invalidInput(input.error));
  const { id, bucket, as, replace } = input.data;
  let before: BackupRef | null = null;
  const result = await withInflux(async (ctx): Promise<RestoredBackup> => {
    if (replace) return restoreOver(ctx, { id, bucket, as, confirm: replace.confirm }, (b) => (before = b), onProgress);
    const stored = await readStored(ctx.config.backupDir, id);
    const expected = manifestBucket(stored.manifest, bucket);
    const { counts: actual } = await restoreAs(stored, bucket, as, ctx.influx.org, ctx.influx.conn, onProgress);
    const differs = countsDiffer(as, expected, actual);
    return { bucket: as, records: actual.records, verified: differs === null, detail: differs ?? `restored and verified: ${equalText(actual)}` };
  });
  const taken = before as BackupRef | null;
  recordChange(
    actor,
    {
      ...outcome(result, {
        action: 'backup.restore',
        bucket: as,
        before: null,
        after: (r) => ({
          from: { backup: id, bucket },
          records: r.records,
          verified: r.verified,
          ...(r.backup ? { replaced: true, backup: r.backup.id } : {}),
        }),
      }),
      // A replace that failed after its backup was taken still names that backup.
      ...(!result.ok && taken ? { after: { from: { backup: id, bucket }, replaced: false, backup: taken.id } } : {}),
    },
    { changed: result.ok || taken !== null },
  );
  return result;
}
