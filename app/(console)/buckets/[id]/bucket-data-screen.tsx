'use client';

import Link from 'next/link';
import { useState } from 'react';
import { Card, PageTitle } from '@/components/card';
import { Dialog } from '@/components/dialog';
import { ErrorPanel } from '@/components/error-panel';
import { dangerButton } from '@/components/form-styles';
import { ReadOnlyNote, useCanChange } from '@/components/role-context';
import { errorDetail } from '@/lib/client/fetch-result';
import { useBuckets } from '@/lib/client/use-buckets';
import { formatRetention } from '@/lib/model/retention';
import { DeleteDataPanel } from './delete-data-panel';
import { ExportPanel } from './export-panel';
import { ImportPanel } from './import-panel';

/** One bucket and what can be done to its points: delete with a preview, export, import. */
export function BucketDataScreen({ id, specMeasurements }: { id: string; specMeasurements: Record<string, string[]> }) {
  const { data, error, isPending } = useBuckets();
  const canChange = useCanChange();
  const bucket = data?.find((b) => b.id === id);
  const [deleting, setDeleting] = useState(false);
  return (
    <>
      <PageTitle
        title={bucket ? bucket.name : 'Bucket'}
        subtitle={
          bucket
            ? `Retention ${bucket.retentionText}${bucket.shardGroupDurationSeconds ? ` · shard groups of ${formatRetention(bucket.shardGroupDurationSeconds)}` : ''}${bucket.description ? ` · ${bucket.description}` : ''}`
            : undefined
        }
      />
      <p className="mb-4 text-sm">
        <Link href="/buckets" className="text-indigo-700 hover:underline">
          ← All buckets
        </Link>
      </p>
      {isPending ? <p className="text-sm text-slate-500">Loading the bucket…</p> : null}
      {error ? <ErrorPanel error={errorDetail(error)} /> : null}
      {data && !bucket ? (
        <p className="text-sm text-slate-600">No bucket with ID {id} in this organization: it may have been deleted. Go back to the list.</p>
      ) : null}
      {bucket && bucket.system ? (
        <p className="text-sm text-slate-600">InfluxDB manages system buckets: their data cannot be deleted, exported or imported here.</p>
      ) : null}
      {bucket && !bucket.system ? (
        <div className="space-y-5">
          {canChange ? (
            <Card title="Delete data">
              <p className="mb-3 text-sm text-slate-600">
                Points of one measurement or all, matched by tags and a time range, after an exact preview of what would go.
              </p>
              <button type="button" className={dangerButton} onClick={() => setDeleting(true)}>
                Delete data
              </button>
              {deleting ? (
                <Dialog title={`Delete data from ${bucket.name}`} onClose={() => setDeleting(false)} wide>
                  <DeleteDataPanel bucket={bucket} measurements={specMeasurements[bucket.name] ?? []} />
                </Dialog>
              ) : null}
            </Card>
          ) : (
            <ReadOnlyNote what="this bucket and export its points" />
          )}
          {/* Export changes nothing: open to every role. */}
          <Card title="Export">
            <ExportPanel bucket={bucket} measurements={specMeasurements[bucket.name] ?? []} />
          </Card>
          {canChange ? (
            <Card title="Import">
              <ImportPanel bucket={bucket} />
            </Card>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
