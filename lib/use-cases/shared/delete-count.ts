import 'server-only';
import type { BucketInfo } from '../../model/bucket';
import type { DeletePreview } from '../../model/data-operations';
import { deletePredicate, describeSelection } from '../../model/delete-predicate';
import type { Selection } from '../../model/selection';
import type { SelectionCount } from '../../influx/selection';

/** What a data delete's preview and the delete itself both count: the selection described, its points per measurement. */
export type Counted = Omit<DeletePreview, 'sample' | 'previewId'>;

export const totalOf = (points: Record<string, number>) => Object.values(points).reduce((a, b) => a + b, 0);

/** A selection's count, as the preview shows it and the delete checks it against. */
export function described(bucket: BucketInfo, sel: Selection, counted: SelectionCount): Counted {
  const points = counted.points;
  return {
    countedWith: counted.method,
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
