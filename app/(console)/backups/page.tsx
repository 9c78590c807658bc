import { Badge } from '@/components/badge';
import { Card, PageTitle } from '@/components/card';
import { CountedAgo } from '@/components/counted-ago';
import type { Metadata } from 'next';
import { ErrorPanel } from '@/components/error-panel';
import { DataTable, type Column } from '@/components/data-table';
import { formatBytes, formatUtc } from '@/lib/model/format';
import { listBackups, type BackupSummary } from '@/lib/use-cases/list-backups';
import { BackUpNowButton } from './back-up-now-button';
import { BackupActions, ViewerNote } from './backup-actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Backups' };

const BACKUP_COLUMNS: Column<BackupSummary>[] = [
  { id: 'backup', header: 'Backup', className: 'font-mono', cell: (b) => b.id },
  { id: 'age', header: 'Age', className: 'whitespace-nowrap', cell: (b) => <CountedAgo at={b.createdAt} label="" /> },
  { id: 'size', header: 'Size', className: 'whitespace-nowrap', cell: (b) => formatBytes(b.bytes) },
  { id: 'buckets', header: 'Buckets', cell: (b) => b.buckets.join(', ') },
  {
    id: 'verified',
    header: 'Verified',
    cell: (b) => (
      <span data-testid="backup-verified">
        {b.legacy ? (
          <Badge tone="amber">legacy</Badge>
        ) : b.verified === null ? (
          <Badge tone="slate">never</Badge>
        ) : b.verified ? (
          <Badge tone="green">verified</Badge>
        ) : (
          <Badge tone="red">failed</Badge>
        )}
        {b.detail ? (
          <span className="mt-1 block max-w-md text-xs break-words text-slate-600">
            {b.verifiedAt ? `${formatUtc(b.verifiedAt)}: ` : ''}
            {b.detail}
          </span>
        ) : null}
      </span>
    ),
  },
  // Empty for a viewer: the note above the table says why.
  { id: 'actions', header: 'Actions', cell: (b) => <BackupActions backup={b} /> },
];

export default async function BackupsPage() {
  const result = await listBackups();
  if (!result.ok) return <ErrorPanel error={result.error} />;
  return (
    <>
      <PageTitle
        title="Backups"
        subtitle="Backups in the layout influx backup writes, with the record counts at backup time. A backup is listed once every file is written and checked. Verify restores it into a scratch bucket and compares the counts and a sample of raw rows; Restore… brings a bucket of it back, verified."
      />
      <Card title="Back up">
        <BackUpNowButton />
      </Card>
      <Card title={`Backups (${result.data.length})`}>
        <ViewerNote />
        {result.data.length === 0 ? <p className="text-sm text-slate-600">No backup yet.</p> : null}
        {result.data.length ? (
          <DataTable
            label="Backups table"
            columns={BACKUP_COLUMNS}
            rows={result.data}
            rowKey={(b) => b.id}
            rowTestId={() => 'backup-row'}
            rowClassName="align-top"
          />
        ) : null}
      </Card>
    </>
  );
}
