'use client';

import { useState } from 'react';
import { BucketTable } from '@/components/bucket-table';
import { Card } from '@/components/card';
import { inputClass } from '@/components/form-styles';
import { ErrorPanel } from '@/components/error-panel';
import { ReadOnlyNote, useCanChange } from '@/components/role-context';
import { filterAndSort, type BucketColumn, type SortDirection } from '@/lib/client/bucket-sort';
import { errorDetail } from '@/lib/client/fetch-result';
import { useBuckets } from '@/lib/client/use-buckets';
import type { BucketRow } from '@/lib/model/bucket';
import { ChangeNoteBanner, type ChangeNote } from './change-note';
import { CreateBucketForm } from './create-bucket-form';
import { DeleteBucketDialog } from './delete-bucket-dialog';
import { EditBucketDialog } from './edit-bucket-dialog';

export function BucketsScreen() {
  const { data, error, isPending, isFetching } = useBuckets();
  const canChange = useCanChange();
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<{ column: BucketColumn; direction: SortDirection }>({ column: 'name', direction: 'asc' });
  const [editing, setEditing] = useState<BucketRow | null>(null);
  const [deleting, setDeleting] = useState<BucketRow | null>(null);
  const [note, setNote] = useState<ChangeNote | null>(null);
  const rows = data ? filterAndSort(data, filter, sort.column, sort.direction) : [];
  return (
    <div className="space-y-5">
      {canChange ? (
        <Card title="Create a bucket">
          <CreateBucketForm />
        </Card>
      ) : (
        <ReadOnlyNote what="every bucket" />
      )}
      <Card
        title={data ? `Buckets (${rows.length === data.length ? data.length : `${rows.length} of ${data.length}`})` : 'Buckets'}
        actions={<input className={`${inputClass} max-w-60`} placeholder="Filter by name" value={filter} onChange={(e) => setFilter(e.target.value)} aria-label="Filter by name" />}
      >
        {note ? <ChangeNoteBanner note={note} onDismiss={() => setNote(null)} /> : null}
        {isPending ? <p className="text-sm text-slate-500">Loading buckets…</p> : null}
        {error ? <ErrorPanel error={errorDetail(error)} /> : null}
        {data && data.length === 0 ? <p className="text-sm text-slate-500">No buckets yet in this organization.</p> : null}
        {data && data.length > 0 ? (
          <BucketTable
            rows={rows}
            sort={sort}
            onSort={(column) => setSort((s) => ({ column, direction: s.column === column && s.direction === 'asc' ? 'desc' : 'asc' }))}
            onEdit={setEditing}
            onDelete={setDeleting}
            readOnly={!canChange}
          />
        ) : null}
        {isFetching && !isPending ? <p className="mt-2 text-xs text-slate-600">Refreshing…</p> : null}
      </Card>
      {editing ? <EditBucketDialog bucket={editing} onClose={() => setEditing(null)} onDone={setNote} /> : null}
      {deleting ? <DeleteBucketDialog bucket={deleting} onClose={() => setDeleting(null)} onDone={setNote} /> : null}
    </div>
  );
}
