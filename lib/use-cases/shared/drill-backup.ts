import 'server-only';
import { randomBytes } from 'node:crypto';
import type { Actor } from '../../auth/actor';
import { countsDiffer, equalText, restoreAs, sampleRows } from '../../backup/drill';
import { checkFiles, readStored, recordVerification } from '../../backup/store';
import { deleteBucket } from '../../influx/buckets';
import { errorText, log } from '../../log';
import type { OnProgress } from '../../model/progress';
import type { Result } from '../../result';
import { outcome, recordChange, withInflux } from '../context';
import { formatNumber } from '../../model/format';

/** `backup verify --json`: a public contract. */
export interface Verification {
  ok: boolean;
  detail: string;
}

/** A scratch bucket's name: the backed-up one's, marked, and unlikely to be anyone's. */
const scratchName = (bucket: string) => `${bucket.slice(0, 200)}_restore_drill_${randomBytes(4).toString('hex')}`;

/**
 * The restore drill: every file's checksum first (a changed file fails the drill, named), then
 * each bucket restored into a scratch bucket, counted afresh and compared with the counts at
 * backup time, the raw rows of a sample shard group compared line by line (their sha256), and
 * the scratch bucket deleted. The result is recorded on the backup and audited (`backup.verify`).
 * `backup verify`, its button, and the schedule with CONSOLE_BACKUP_DRILL=on run it.
 */
export async function drillBackup(id: string, actor: Actor, onProgress?: OnProgress): Promise<Result<Verification>> {
  const result = await withInflux(async (ctx) => {
    const stored = await readStored(ctx.config.backupDir, id);
    let verdict: Verification | null = null;
    const problem = await checkFiles(stored.dir, stored.manifest.files);
    if (problem) verdict = { ok: false, detail: `checksums: ${problem}` };
    const equal: string[] = [];
    for (const bucket of verdict ? [] : stored.manifest.buckets) {
      const scratch = scratchName(bucket.name);
      const { id: scratchId, counts: actual } = await restoreAs(stored, bucket.name, scratch, ctx.influx.org, ctx.influx.conn, onProgress);
      try {
        const differs = countsDiffer(bucket.name, bucket, actual);
        if (differs) {
          verdict = { ok: false, detail: `restored counts differ: ${differs}` };
          break;
        }
        if (bucket.sample) {
          const rows = await sampleRows({ id: scratchId, name: scratch }, bucket.sample, ctx.influx.conn, bucket.sample);
          if (!rows) {
            verdict = {
              ok: false,
              detail: `restored rows not compared: ${bucket.name}: InfluxQL cannot read the scratch bucket, as the sample was read at backup time`,
            };
            break;
          }
          if (rows.sha256 !== bucket.sample.sha256) {
            verdict = {
              ok: false,
              detail: `restored rows differ: ${bucket.name}, ${bucket.sample.start} to ${bucket.sample.stop}: ${rows.lines} lines restored, ${bucket.sample.lines} backed up${rows.lines === bucket.sample.lines ? ' (same number, other values)' : ''}`,
            };
            break;
          }
        }
        equal.push(
          `${bucket.name}: ${equalText(actual)}${bucket.sample ? `; the ${formatNumber(bucket.sample.lines)} raw rows of ${bucket.sample.start.slice(0, 10)} to ${bucket.sample.stop.slice(0, 10)} identical` : ''}`,
        );
      } finally {
        await deleteBucket(scratchId, ctx.influx.conn).catch((e: unknown) =>
          log.error('backup: deleting a scratch bucket failed', { bucket: scratch, error: errorText(e) }),
        );
      }
    }
    verdict ??= { ok: true, detail: `restored and verified: ${equal.join('; ')}` };
    await recordVerification(stored, { ...verdict, at: new Date().toISOString() });
    return verdict;
  });
  recordChange(actor, outcome(result, { action: 'backup.verify', bucket: null, before: null, after: (v) => ({ backup: id, ok: v.ok, detail: v.detail }) }), {
    changed: false,
  });
  return result;
}
