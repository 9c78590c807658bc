'use client';

import { useState } from 'react';
import { BUCKET_CSV_HEADER, BucketTable, bucketCsvRows } from '@/components/bucket-table';
import { Card } from '@/components/card';
import { CsvDownload } from '@/components/csv-download';
import { inputClass, primaryButton } from '@/components/form-styles';
import { ErrorPanel } from '@/components/error-panel';
import { ReadOnlyNote, useCanChange } from '@/components/role-context';
import { filterAndSort, type BucketColumn } from '@/lib/client/bucket-sort';
import { errorDetail } from '@/lib/client/fetch-result';
import { useBuckets } from '@/lib/client/use-buckets';
import { useUrlState } from '@/lib/client/use-url-state';
import type { BucketRow } from '@/lib/model/bucket';
import { bucketsQuery } from '@/lib/model/url-state';
import { ChangeNoteBanner, type ChangeNote } from './change-note';
import { CreateBucketDialog } from './create-bucket-dialog';
import { DeleteBucketDialog } from './delete-bucket-dialog';
import { EditBucketDialog } from './edit-bucket-dialog';

export function BucketsScreen() {
  const { data, error, isPending, isFetching } = useBuckets();
  const canChange = useCanChange();
  // The filter and sort live in the URL: a view can be shared, and Back undoes a sort.
  const [query, setQuery] = useUrlState(bucketsQuery);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<BucketRow | null>(null);
  const [deleting, setDeleting] = useState<BucketRow | null>(null);
  const [note, setNote] = useState<ChangeNote | null>(null);
  const sort = { column: query.sort as BucketColumn, direction: query.dir };
  const rows = data ? filterAndSort(data, query.q, sort.column, sort.direction) : [];
  return (
    <div className="space-y-5">
      {canChange ? (
        <div className="flex flex-wrap items-center gap-3">
          <button type="button" className={primaryButton} onClick={() => setCreating(true)}>
            Create a bucket
          </button>
          <span className="text-sm text-slate-600">A name, a retention, and optionally a shard-group duration and a description.</span>
        </div>
      ) : (
        <ReadOnlyNote what="every bucket" />
      )}
      <Card
        title={data ? `Buckets (${rows.length === data.length ? data.length : `${rows.length} of ${data.length}`})` : 'Buckets'}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <input
              className={`${inputClass} max-w-60`}
              type="search"
              placeholder="Filter by name"
              value={query.q}
              onChange={(e) => setQuery({ q: e.target.value }, 'replace')}
              aria-label="Filter by name"
            />
            {data && data.length > 0 ? <CsvDownload name="buckets" header={BUCKET_CSV_HEADER} rows={() => bucketCsvRows(rows)} /> : null}
          </div>
        }
      >
        {note ? <ChangeNoteBanner note={note} onDismiss={() => setNote(null)} /> : null}
        {isPending ? <p className="text-sm text-slate-500">Loading buckets…</p> : null}
        {error ? <ErrorPanel error={errorDetail(error)} /> : null}
        {data && data.length === 0 ? <p className="text-sm text-slate-500">No buckets yet in this organization.</p> : null}
        {data && data.length > 0 ? (
          <BucketTable
            rows={rows}
            sort={sort}
            onSort={(column) => setQuery({ sort: column, dir: sort.column === column && sort.direction === 'asc' ? 'desc' : 'asc' })}
            onEdit={setEditing}
            onDelete={setDeleting}
            readOnly={!canChange}
          />
        ) : null}
        {isFetching && !isPending ? <p className="mt-2 text-xs text-slate-600">Refreshing…</p> : null}
      </Card>
      {creating ? <CreateBucketDialog onClose={() => setCreating(false)} onDone={setNote} /> : null}
      {editing ? <EditBucketDialog bucket={editing} onClose={() => setEditing(null)} onDone={setNote} /> : null}
      {deleting ? <DeleteBucketDialog bucket={deleting} onClose={() => setDeleting(null)} onDone={setNote} /> : null}
    </div>
  );
}
