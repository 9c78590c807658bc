import 'server-only';
import type { Actor } from '../auth/actor';
import { consoleError, InfluxError } from '../errors';
import { getOrgBucket } from '../influx/buckets';
import { countSelection, deleteSelection, sampleSelection } from '../influx/selection';
import type { InfluxSession } from '../influx/session';
import { bucketMissing, bucketIdUnknown } from '../messages';
import type { BucketInfo } from '../model/bucket';
import { deletePredicate, describeSelection } from '../data/delete-predicate';
import { deleteDataInputSchema, selectionOf, type DeleteDataInput } from '../data/delete-input';
import type { SamplePoint, Selection } from '../data/selection';
import { fail, type Result } from '../result';
import { invalidateRange } from '../stats/incremental';
import { outcome, recordChange, withInflux } from './context';
import { invalidInput } from './invalid-input';

/** What a delete would remove, counted exactly before anything is removed. */
export interface DeletePreview {
  bucketId: string;
  bucket: string;
  /** The selection in words. */
  selection: string;
  /** The predicate InfluxDB is sent ('' selects every series). */
  predicate: string;
  start: string;
  stop: string;
  /** Points per measurement that would be deleted (measurements with none are left out). */
  points: Record<string, number>;
  total: number;
  /** A few of those points as stored. */
  sample: SamplePoint[];
}

export interface DeleteOutcome extends Omit<DeletePreview, 'sample'> {
  /** Points removed, as counted again after the delete. */
  deleted: number;
  /** Points of the selection still there afterwards (0 unless someone wrote meanwhile). */
  remaining: number;
}

async function targetBucket(influx: InfluxSession, input: DeleteDataInput): Promise<BucketInfo> {
  const bucket = input.bucketId !== undefined ? await getOrgBucket(influx.org.id, input.bucketId, influx.conn) : await influx.bucket(input.bucket ?? '');
  if (!bucket) throw new InfluxError(input.bucket !== undefined ? bucketMissing(input.bucket, 'Check the name with `npm run --silent cli -- buckets list`.') : bucketIdUnknown());
  if (bucket.system) throw new InfluxError(consoleError('invalid', `${bucket.name} is a system bucket: InfluxDB manages its data, so it cannot be deleted here.`, 'Choose a bucket of your own.'));
  return bucket;
}

const totalOf = (points: Record<string, number>) => Object.values(points).reduce((a, b) => a + b, 0);

function described(bucket: BucketInfo, sel: Selection, points: Record<string, number>): Omit<DeletePreview, 'sample'> {
  return {
    bucketId: bucket.id,
    bucket: bucket.name,
    selection: describeSelection(sel.measurement, sel.matches),
    predicate: deletePredicate(sel.measurement, sel.matches),
    start: sel.start.iso,
    stop: sel.stop.iso,
    points: Object.fromEntries(Object.entries(points).filter(([, n]) => n > 0)),
    total: totalOf(points),
  };
}

/** Counts (exactly, per measurement) and samples what a delete would remove; changes nothing. */
export async function previewDataDelete(raw: unknown): Promise<Result<DeletePreview>> {
  const input = deleteDataInputSchema.safeParse(raw);
  if (!input.success) return fail(invalidInput(input.error));
  return withInflux(async ({ influx }) => {
    const bucket = await targetBucket(influx, input.data);
    const sel = selectionOf(input.data);
    const points = await countSelection(bucket.name, sel, influx.conn);
    const sample = totalOf(points) > 0 ? await sampleSelection(bucket.name, sel, 10, influx.conn) : [];
    return { ...described(bucket, sel, points), sample };
  });
}

/**
 * Deletes the points of a selection, only with the bucket name typed exactly. It counts right
 * before (and stops when that differs from the preview the person saw) and again after, and
 * reports the points that went.
 */
export async function deleteData(raw: unknown, actor: Actor): Promise<Result<DeleteOutcome>> {
  const input = deleteDataInputSchema.safeParse(raw);
  if (!input.success) return fail(invalidInput(input.error));
  let bucketName: string = input.data.bucket ?? input.data.bucketId ?? '';
  let before: Omit<DeletePreview, 'sample'> | null = null;
  const result = await withInflux(async ({ influx }): Promise<DeleteOutcome> => {
    const bucket = await targetBucket(influx, input.data);
    bucketName = bucket.name;
    if (input.data.confirmName !== bucket.name) {
      throw new InfluxError({
        ...consoleError('invalid', `Deleting data from ${bucket.name} cannot be undone.`, `Type the bucket name "${bucket.name}" exactly to confirm.`),
        fields: { confirmName: `Type ${bucket.name} to confirm.` },
      });
    }
    const sel = selectionOf(input.data);
    const counted = described(bucket, sel, await countSelection(bucket.name, sel, influx.conn));
    before = counted;
    if (input.data.expectedPoints !== undefined && input.data.expectedPoints !== counted.total) {
      throw new InfluxError(
        consoleError('conflict', `The data changed since the preview: ${counted.total} points match now, the preview showed ${input.data.expectedPoints}. Nothing was deleted.`, 'Preview again, check what would go, and confirm that.'),
      );
    }
    if (counted.total === 0) return { ...counted, deleted: 0, remaining: 0 };
    await deleteSelection(bucket.name, sel, influx.conn);
    invalidateRange(influx.conn.env.url, bucket, Number(sel.start.ns / 1_000_000n), Number(sel.stop.ns / 1_000_000n));
    const remaining = totalOf(await countSelection(bucket.name, sel, influx.conn));
    return { ...counted, deleted: counted.total - remaining, remaining };
  });
  const entry = outcome(result, {
    action: 'data.delete',
    bucket: bucketName,
    before: before ?? { selection: describeSelection(input.data.measurement, input.data.where), start: input.data.start.iso, stop: input.data.stop.iso },
    after: (d: DeleteOutcome) => ({ deleted: d.deleted, remaining: d.remaining }),
  });
  recordChange(actor, entry, { changed: result.ok && result.data.deleted > 0 });
  return result;
}
