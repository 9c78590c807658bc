'use client';

import Link from 'next/link';
import { Badge } from './badge';
import type { BucketRow } from '@/lib/model/bucket';
import type { BucketColumn, SortDirection } from '@/lib/client/bucket-sort';
import { formatRetention } from '@/lib/model/retention';
import { TableScroll } from '@/components/table-scroll';

const COLUMNS: { id: BucketColumn; label: string }[] = [
  { id: 'name', label: 'Name' },
  { id: 'retention', label: 'Retention' },
  { id: 'shardGroup', label: 'Shard group' },
  { id: 'description', label: 'Description' },
  { id: 'createdAt', label: 'Created' },
  { id: 'updatedAt', label: 'Updated' },
  { id: 'kind', label: 'Kind' },
];

function shortDate(iso: string): string {
  return iso ? iso.slice(0, 16).replace('T', ' ') : '—';
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
  return (
    <TableScroll label="Buckets table">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
          <tr>
            {COLUMNS.map((c) => (
              <th key={c.id} className="px-2 py-2" aria-sort={sort.column === c.id ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
                <button type="button" className="font-semibold uppercase hover:text-slate-900" onClick={() => onSort(c.id)}>
                  {c.label}
                  {sort.column === c.id ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
                </button>
              </th>
            ))}
            <th className="px-2 py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((b) => (
            <tr key={b.id} data-testid={`bucket-row-${b.name}`} className="border-b border-slate-100 hover:bg-slate-50">
              <td className="px-2 py-2 font-mono text-xs font-medium">
                {b.system ? (
                  b.name
                ) : (
                  <Link href={`/buckets/${b.id}`} className="text-indigo-700 hover:underline" title={`Delete data, export or import: ${b.name}`}>
                    {b.name}
                  </Link>
                )}
              </td>
              <td className="px-2 py-2" data-testid="retention">{b.retentionText}</td>
              <td className="px-2 py-2 text-slate-600">{b.shardGroupDurationSeconds ? formatRetention(b.shardGroupDurationSeconds) : '—'}</td>
              <td className="max-w-64 truncate px-2 py-2 text-slate-600" title={b.description}>{b.description || '—'}</td>
              <td className="px-2 py-2 text-xs text-slate-500">{shortDate(b.createdAt)}</td>
              <td className="px-2 py-2 text-xs text-slate-500">{shortDate(b.updatedAt)}</td>
              <td className="px-2 py-2">{b.system ? <Badge tone="slate">system</Badge> : b.managed ? <Badge tone="indigo">AI-5</Badge> : null}</td>
              <td className="whitespace-nowrap px-2 py-2 text-right">
                {b.system ? (
                  <span className="text-xs text-slate-600" title="InfluxDB manages system buckets: they cannot be edited, renamed or deleted.">managed by InfluxDB</span>
                ) : readOnly ? null : (
                  <>
                    <button type="button" className="mr-2 text-xs font-medium text-indigo-700 hover:underline" onClick={() => onEdit(b)} aria-label={`Edit ${b.name}`}>
                      Edit
                    </button>
                    <button type="button" className="text-xs font-medium text-red-700 hover:underline" onClick={() => onDelete(b)} aria-label={`Delete ${b.name}`}>
                      Delete
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
