import 'server-only';
import type { OnProgress } from '../model/progress';
import type { Actor } from '../auth/actor';
import { consoleError, ConsoleFailure } from '../errors';
import { countSelection, deleteSelection } from '../influx/selection';
import { issuedPreview, spendPreview, type IssuedPreview } from '../data/issued-previews';
import type { BucketInfo } from '../model/bucket';
import { deletePredicate, describeSelection } from '../model/delete-predicate';
import { deleteDataInputSchema, selectionOf } from '../data/delete-input';
import type { DeletePreview } from '../model/data-operations';
import type { Selection } from '../model/selection';
import { fail, type Result } from '../result';
import { invalidateRange } from '../stats/incremental';
import type { BackupRef } from '../model/backup-first';
import { backupFirst } from './shared/backup-first';
import { outcome, recordChange, withInflux } from './context';
import { invalidInput } from './shared/invalid-input';
import { targetBucket } from './shared/target-bucket';
import { described, totalOf, type Counted } from './shared/delete-count';

export interface DeleteOutcome extends Omit<DeletePreview, 'sample'> {
  /** Points removed, as counted again after the delete. */
  deleted: number;
  /** Points of the selection still there afterwards (0 unless someone wrote meanwhile). */
  remaining: number;
  /** The backup of the bucket taken before the delete; null when turned off or nothing matched. */
  backup: BackupRef | null;
}

/** The same points per measurement: equal totals could hide one measurement losing what another gained. */
const samePoints = (a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>) => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => (a[k] ?? 0) === (b[k] ?? 0));
};

/** The preview a delete names, when it is good and selects exactly what the delete asks for. */
function boundPreview(previewId: string | undefined, bucket: BucketInfo, sel: Selection, predicate: string): IssuedPreview {
  const fix = 'Preview the delete again, check what would go, and confirm that.';
  if (previewId === undefined) throw new ConsoleFailure(consoleError('invalid', 'A delete needs the preview it removes: nothing was deleted.', fix));
  const p = issuedPreview(previewId);
  if (!p) throw new ConsoleFailure(consoleError('conflict', 'That preview is unknown or older than 15 minutes: nothing was deleted.', fix));
  if (p.bucketId !== bucket.id || p.predicate !== predicate || p.startNs !== sel.start.ns || p.stopNs !== sel.stop.ns) {
    throw new ConsoleFailure(consoleError('conflict', 'The delete asks for other points than its preview showed: nothing was deleted.', fix));
  }
  return p;
}

/**
 * Deletes the points of a selection, only with the bucket name typed exactly and the preview the
 * person saw named by its ID. It counts right before (and stops when that differs from the
 * preview) and again after, the same exact way, and reports what InfluxDB lost: before − after.
 */
export async function deleteData(raw: unknown, actor: Actor, onProgress?: OnProgress): Promise<Result<DeleteOutcome>> {
  const input = deleteDataInputSchema.safeParse(raw);
  if (!input.success) return fail(invalidInput(input.error));
  let bucketName: string = input.data.bucket ?? input.data.bucketId ?? '';
  let before: Counted | null = null;
  const result = await withInflux(async (ctx): Promise<DeleteOutcome> => {
    const { influx } = ctx;
    const bucket = await targetBucket(influx, input.data, 'deleted');
    bucketName = bucket.name;
    if (input.data.confirmName !== bucket.name) {
      throw new ConsoleFailure({
        ...consoleError('invalid', `Deleting data from ${bucket.name} cannot be undone.`, `Type the bucket name "${bucket.name}" exactly to confirm.`),
        fields: { confirmName: `Type ${bucket.name} to confirm.` },
      });
    }
    const sel = selectionOf(input.data);
    const preview = boundPreview(input.data.previewId, bucket, sel, deletePredicate(sel.measurement, sel.matches));
    const counted = described(bucket, sel, await countSelection(bucket, sel, influx.conn));
    before = counted;
    const shown = input.data.expectedPoints ?? preview.total;
    if (shown !== preview.total || !samePoints(counted.points, preview.points)) {
      throw new ConsoleFailure(
        consoleError(
          'conflict',
          `The data changed since the preview: ${counted.total} points match now, the preview showed ${preview.total}. Nothing was deleted.`,
          'Preview again, check what would go, and confirm that.',
        ),
      );
    }
    // The backup comes before the preview is spent: when it fails, the same preview can be confirmed again without one.
    const backup = counted.total > 0 && input.data.backupFirst ? await backupFirst(ctx, bucket.name, 'the delete', onProgress) : null;
    // Another delete may have spent it while this one backed up: one preview, one delete.
    if (backup && !issuedPreview(preview.id))
      throw new ConsoleFailure(
        consoleError(
          'conflict',
          `That preview was used by another delete meanwhile: nothing was deleted (the backup ${backup.id} was kept).`,
          'Preview the delete again, check what would go, and confirm that.',
        ),
      );
    spendPreview(preview.id);
    if (counted.total === 0) return { ...counted, previewId: preview.id, deleted: 0, remaining: 0, backup: null };
    await deleteSelection(bucket.name, sel, influx.conn);
    invalidateRange(influx.conn.env.url, bucket, Number(sel.start.ns / 1_000_000n), Number(sel.stop.ns / 1_000_000n));
    const remaining = totalOf((await countSelection(bucket, sel, influx.conn)).points);
    return { ...counted, previewId: preview.id, deleted: counted.total - remaining, remaining, backup };
  });
  const entry = outcome(result, {
    action: 'data.delete',
    bucket: bucketName,
    before: before ?? { selection: describeSelection(input.data.measurement, input.data.where), start: input.data.start.iso, stop: input.data.stop.iso },
    after: (d: DeleteOutcome) => ({ deleted: d.deleted, remaining: d.remaining, backup: d.backup?.id ?? null }),
  });
  recordChange(actor, entry, { changed: result.ok && result.data.deleted > 0 });
  return result;
}
