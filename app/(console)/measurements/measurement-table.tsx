'use client';

import Link from 'next/link';
import { Badge } from '@/components/badge';
import { DataTable, type Column, type SortDirection } from '@/components/data-table';
import { estimateBadge } from '@/lib/client/estimate-badge';
import { formatCount, formatDay } from '@/lib/model/format';
import { measurementPagePath } from '@/lib/client/measurement-view';
import type { CsvCell } from '@/lib/model/csv';
import type { MeasurementStats } from '@/lib/model/stats';
import type { MeasurementsQuery } from '@/lib/model/url-state';
import type { Coverage } from '@/lib/model/stats';
import { expectation } from '@/lib/model/coverage';

function perDay(m: MeasurementStats): number | null {
  return m.perDay.length === 0 ? null : m.perDay.reduce((n, d) => n + d.records, 0) / m.perDay.length;
}

/** The screen's filter and sort (from its URL) applied to one bucket's measurements; `spec` keeps the spec's order. */
export function filterMeasurements(rows: readonly MeasurementStats[], q: Pick<MeasurementsQuery, 'q' | 'sort' | 'dir'>): MeasurementStats[] {
  const needle = q.q.trim().toLowerCase();
  const kept = rows.filter((m) => !needle || m.name.toLowerCase().includes(needle));
  if (q.sort === 'spec') return q.dir === 'desc' ? kept.reverse() : kept;
  const sign = q.dir === 'asc' ? 1 : -1;
  const key = q.sort;
  return kept.sort((a, b) => (key === 'name' ? a.name.localeCompare(b.name) : a[key] - b[key]) * sign || a.name.localeCompare(b.name));
}

/** The Measurements CSV: every row the screen shows, exact numbers, times in UTC. */
export const MEASUREMENT_CSV_HEADER = [
  'bucket',
  'measurement',
  'detector',
  'records',
  'expected_now',
  'series',
  'tag_sets',
  'records_per_day',
  'first_time_utc',
  'last_time_utc',
  'tag_keys',
  'field_keys',
];
export function measurementCsvRows(bucket: string, rows: readonly MeasurementStats[], cov: Coverage): CsvCell[][] {
  return rows.map((m) => {
    const e = expectation(m.records, m.expectedRecords, cov);
    const day = perDay(m);
    return [
      bucket,
      m.name,
      m.detector ?? '',
      m.records,
      e.expectedNow === null ? '' : Math.round(e.expectedNow),
      m.series,
      m.tagSets,
      day === null ? '' : Math.round(day),
      m.firstTime ?? '',
      m.lastTime ?? '',
      m.tagKeys.join(' '),
      m.fieldKeys.join(' '),
    ];
  });
}

export function MeasurementTable({
  bucket,
  rows,
  cov,
  sort,
}: {
  bucket: string;
  rows: MeasurementStats[];
  cov: Coverage;
  sort?: { column: string; direction: SortDirection; onSort: (column: string) => void };
}) {
  const columns: Column<MeasurementStats>[] = [
    {
      id: 'name',
      header: 'Measurement',
      sortable: true,
      cell: (m) => (
        <>
          <Link
            href={measurementPagePath(bucket, m.name)}
            prefetch={false}
            className="font-mono text-xs font-semibold text-indigo-700 underline"
            title={`Records per day and per entity, the latest points and the insights of ${m.name}`}
          >
            {m.name}
          </Link>
          <p className="text-xs text-slate-600">{m.detector ?? 'not in the spec'}</p>
        </>
      ),
    },
    {
      id: 'records',
      header: 'Records',
      align: 'right',
      sortable: true,
      className: 'font-medium',
      cell: (m) => <span data-testid="records">{formatCount(m.records)}</span>,
    },
    {
      id: 'expected',
      header: 'Expected now',
      align: 'right',
      className: 'text-slate-600',
      cell: (m) => {
        const e = expectation(m.records, m.expectedRecords, cov);
        return e.expectedNow === null ? '—' : formatCount(e.expectedNow);
      },
    },
    {
      id: 'versus',
      header: 'Versus estimate',
      className: 'whitespace-nowrap',
      cell: (m) => {
        const v = estimateBadge(expectation(m.records, m.expectedRecords, cov));
        return <Badge tone={v.tone}>{v.text}</Badge>;
      },
    },
    { id: 'series', header: 'Series', align: 'right', sortable: true, cell: (m) => <span data-testid="series">{formatCount(m.series)}</span> },
    { id: 'tagSets', header: 'Tag sets', align: 'right', sortable: true, cell: (m) => formatCount(m.tagSets) },
    {
      id: 'perDay',
      header: 'Per day',
      align: 'right',
      cell: (m) => {
        const d = perDay(m);
        return d === null ? '—' : formatCount(d);
      },
    },
    {
      id: 'times',
      header: 'First · last (UTC)',
      className: 'whitespace-nowrap text-xs text-slate-600',
      cell: (m) => `${formatDay(m.firstTime)} · ${formatDay(m.lastTime)}`,
    },
    {
      id: 'keys',
      header: 'Tags · fields',
      className: 'text-xs text-slate-600',
      cell: (m) => (
        <>
          <span className="font-mono">{m.tagKeys.join(', ') || '—'}</span>
          <br />
          <span className="font-mono">{m.fieldKeys.join(', ') || '—'}</span>
        </>
      ),
    },
  ];
  return (
    <DataTable
      label={`Measurements of ${bucket}`}
      columns={columns}
      rows={rows}
      rowKey={(m) => m.name}
      rowTestId={(m) => `measurement-${m.name}`}
      rowClassName="align-top"
      sort={sort}
    />
  );
}
