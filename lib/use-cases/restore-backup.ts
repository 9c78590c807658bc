import 'server-only';
import type { Actor } from '../auth/actor';
import { countsDiffer, countsOf, equalText, manifestBucket, restoreAs } from '../backup/drill';
import { readStored } from '../backup/store';
import { consoleError, ConsoleFailure } from '../errors';
import { openSession } from '../influx/session';
import { bucketNameSchema } from '../model/bucket-input';
import type { Result } from '../result';
import { outcome, recordChange, withInflux } from './context';
import { statsOf } from './shared/stats';

export interface RestoreInput {
  id: string;
  /** The bucket of the backup to restore. */
  bucket: string;
  /** The new bucket it becomes: a restore never writes into an existing one. */
  as: string;
}

/** `backup restore --json` is `{bucket, records, verified}`; `detail` is what the CLI prints. */
export interface RestoredBackup {
  bucket: string;
  records: number;
  verified: boolean;
  detail: string;
}

/**
 * Restores one bucket of a backup as a new bucket, then counts it afresh (every slice) and
 * compares with the counts recorded at backup time: `verified` only when every measurement matches.
 */
export async function restoreBackup(input: RestoreInput, actor: Actor): Promise<Result<RestoredBackup>> {
  const result = await withInflux(async (ctx) => {
    const name = bucketNameSchema.safeParse(input.as);
    if (!name.success) throw new ConsoleFailure({ ...consoleError('invalid', `--as: ${name.error.issues[0]?.message ?? 'invalid bucket name'}`), fields: { as: name.error.issues[0]?.message ?? 'invalid bucket name' } });
    const stored = await readStored(ctx.config.backupDir, input.id);
    const expected = manifestBucket(stored.manifest, input.bucket);
    await restoreAs(stored, input.bucket, name.data, ctx.influx.org, ctx.influx.conn);
    // A session of its own: this one listed the buckets before the restored one existed.
    const [stats] = await statsOf({ ...ctx, influx: await openSession(ctx.influx.conn.env) }, name.data, { mode: 'full' });
    if (!stats) throw new ConsoleFailure(consoleError('internal', `The restored bucket ${name.data} could not be counted.`));
    const actual = countsOf(stats);
    const differs = countsDiffer(name.data, expected, actual);
    return { bucket: name.data, records: actual.records, verified: differs === null, detail: differs ?? `restored and verified: ${equalText(actual)}` };
  });
  recordChange(actor, outcome(result, { action: 'backup.restore', bucket: input.as, before: null, after: (r) => ({ backup: input.id, from: input.bucket, records: r.records, verified: r.verified }) }), { changed: result.ok });
  return result;
}
