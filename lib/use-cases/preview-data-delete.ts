import 'server-only';
import { countSelection, sampleSelection } from '../influx/selection';
import { issuePreview } from '../data/issued-previews';
import { deleteDataInputSchema, selectionOf } from '../data/delete-input';
import type { DeletePreview } from '../model/data-operations';
import { fail, type Result } from '../result';
import { withInflux } from './context';
import { described } from './shared/delete-count';
import { invalidInput } from './shared/invalid-input';
import { targetBucket } from './shared/target-bucket';

/** Counts (exactly, per measurement) and samples what a delete would remove; changes nothing. */
export async function previewDataDelete(raw: unknown): Promise<Result<DeletePreview>> {
  const input = deleteDataInputSchema.safeParse(raw);
  if (!input.success) return fail(invalidInput(input.error));
  return withInflux(async ({ influx }) => {
    const bucket = await targetBucket(influx, input.data, 'deleted');
    const sel = selectionOf(input.data);
    const counted = described(bucket, sel, await countSelection(bucket, sel, influx.conn));
    const sample = counted.total > 0 ? await sampleSelection(bucket.name, sel, 10, influx.conn) : [];
    const issued = issuePreview({
      bucketId: bucket.id,
      predicate: counted.predicate,
      startNs: sel.start.ns,
      stopNs: sel.stop.ns,
      total: counted.total,
      points: counted.points,
    });
    return { previewId: issued.id, ...counted, sample };
  });
}
