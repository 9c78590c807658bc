'use client';

import Link from 'next/link';
import { Badge } from './badge';
import { DataTable, type Column } from './data-table';
import type { BucketRow } from '@/lib/model/bucket';
import type { BucketColumn, SortDirection } from '@/lib/client/bucket-sort';
import { formatUtc } from '@/lib/model/format';
import { formatRetention } from '@/lib/model/retention';
import type { CsvCell } from '@/lib/model/csv';

const kind = (b: BucketRow) => (b.system ? 'system' : b.managed ? 'AI-5' : '');

/** The Buckets table's CSV: what the table shows, times in UTC. */
export const BUCKET_CSV_HEADER = [
  'name',
  'id',
  'retention',
  'retention_seconds',
  'shard_group',
  'shard_group_seconds',
  'description',
  'created_utc',
  'updated_utc',
  'kind',
];
export function bucketCsvRows(rows: readonly BucketRow[]): CsvCell[][] {
  return rows.map((b) => [
    b.name,
    b.id,
    b.retentionText,
    b.retentionSeconds,
    b.shardGroupDurationSeconds ? formatRetention(b.shardGroupDurationSeconds) : '',
    b.shardGroupDurationSeconds || '',
    b.description,
    formatUtc(b.createdAt),
    formatUtc(b.updatedAt),
    kind(b) || 'user',
  ]);
}

export function BucketTable({
  rows,
  sort,
  onSort,
  onEdit,
  onDelete,
  readOnly,
}: {
  rows: BucketRow[];
  sort: { column: BucketColumn; direction: SortDirection };
  onSort: (column: BucketColumn) => void;
  onEdit: (b: BucketRow) => void;
  onDelete: (b: BucketRow) => void;
  readOnly?: boolean;
}) {
  const columns: Column<BucketRow>[] = [
    {
      id: 'name',
      header: 'Name',
      sortable: true,
      className: 'font-mono text-xs font-medium',
      cell: (b) =>
        b.system ? (
          b.name
        ) : (
          <Link href={`/buckets/${b.id}`} className="text-indigo-700 hover:underline" title={`Delete data, export or import: ${b.name}`}>
            {b.name}
          </Link>
        ),
    },
    { id: 'retention', header: 'Retention', sortable: true, cell: (b) => <span data-testid="retention">{b.retentionText}</span> },
    {
      id: 'shardGroup',
      header: 'Shard group',
      sortable: true,
      className: 'text-slate-600',
      cell: (b) => (b.shardGroupDurationSeconds ? formatRetention(b.shardGroupDurationSeconds) : '—'),
    },
    {
      id: 'description',
      header: 'Description',
      sortable: true,
      className: 'max-w-64 truncate text-slate-600',
      cell: (b) => <span title={b.description}>{b.description || '—'}</span>,
    },
    {
      id: 'createdAt',
      header: 'Created',
      sortable: true,
      className: 'whitespace-nowrap text-xs text-slate-600',
      cell: (b) => formatUtc(b.createdAt, 'minute'),
    },
    {
      id: 'updatedAt',
      header: 'Updated',
      sortable: true,
      className: 'whitespace-nowrap text-xs text-slate-600',
      cell: (b) => formatUtc(b.updatedAt, 'minute'),
    },
    {
      id: 'kind',
      header: 'Kind',
      sortable: true,
      cell: (b) => (b.system ? <Badge tone="slate">system</Badge> : b.managed ? <Badge tone="indigo">AI-5</Badge> : null),
    },
    {
      id: 'actions',
      header: <span className="sr-only">Actions</span>,
      className: 'whitespace-nowrap text-right',
      cell: (b) =>
        b.system ? (
          <span className="text-xs text-slate-600" title="InfluxDB manages system buckets: they cannot be edited, renamed or deleted.">
            managed by InfluxDB
          </span>
        ) : readOnly ? null : (
          <>
            <button type="button" className="mr-2 text-xs font-medium text-indigo-700 hover:underline" onClick={() => onEdit(b)} aria-label={`Edit ${b.name}`}>
              Edit
            </button>
            <button type="button" className="text-xs font-medium text-red-700 hover:underline" onClick={() => onDelete(b)} aria-label={`Delete ${b.name}`}>
              Delete
            </button>
          </>
        ),
    },
  ];
  return (
    <DataTable
      label="Buckets table"
      columns={columns}
      rows={rows}
      rowKey={(b) => b.id}
      rowTestId={(b) => `bucket-row-${b.name}`}
      rowClassName="hover:bg-slate-50"
      sort={{ column: sort.column, direction: sort.direction, onSort: (c) => onSort(c as BucketColumn) }}
    />
  );
}
