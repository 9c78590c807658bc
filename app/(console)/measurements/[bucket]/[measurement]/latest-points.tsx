import { secondaryButton } from '@/components/form-styles';
import { pointColumns, storedValue } from '@/lib/client/measurement-view';
import type { MeasurementDetail } from '@/lib/model/measurement-detail';
import { DataTable, type Column } from '@/components/data-table';
import type { StoredPoint } from '@/lib/model/measurement-detail';
import { formatNumber } from '@/lib/model/format';

/** The newest points first, every tag and field as stored (JSON strings stay JSON), a page at a time. */
export function LatestPoints({ detail, onPage, stale }: { detail: MeasurementDetail; onPage: (page: number) => void; stale: boolean }) {
  const { latest } = detail;
  const cols = pointColumns(detail);
  const first = (latest.page - 1) * latest.pageSize + 1;
  const columns: Column<StoredPoint>[] = [
    { id: '_time', header: '_time', className: 'whitespace-nowrap', cell: (p) => p.time },
    ...cols.tags.map((t): Column<StoredPoint> => ({
      id: `t:${t}`,
      header: <span title="tag">{t}</span>,
      className: 'whitespace-nowrap',
      cell: (p) => storedValue(p.tags[t]),
    })),
    ...cols.fields.map((f): Column<StoredPoint> => ({
      id: `f:${f}`,
      header: (
        <span className="font-normal italic" title="field">
          {f}
        </span>
      ),
      className: 'max-w-xs truncate',
      cell: (p) => <span title={storedValue(p.fields[f])}>{storedValue(p.fields[f])}</span>,
    })),
  ];
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <button type="button" className={`${secondaryButton} disabled:opacity-50`} disabled={latest.page <= 1 || stale} onClick={() => onPage(latest.page - 1)}>
          ← Newer
        </button>
        <span data-testid="points-page">
          Page {latest.page}
          {latest.points.length ? ` · points ${formatNumber(first)}–${formatNumber(first + latest.points.length - 1)} of ${formatNumber(detail.records)}` : ''}
        </span>
        <button type="button" className={`${secondaryButton} disabled:opacity-50`} disabled={!latest.hasMore || stale} onClick={() => onPage(latest.page + 1)}>
          Older →
        </button>
        {stale ? <span className="text-xs text-slate-600">Loading…</span> : null}
      </div>
      {latest.points.length ? (
        <DataTable
          label="Latest points table"
          testId="latest-points"
          size="xs"
          columns={columns}
          rows={latest.points.map((p, i) => ({ ...p, key: `${p.time}:${i}` }))}
          rowKey={(p) => p.key}
          rowTestId={() => 'point-row'}
          rowClassName="align-top font-mono"
        />
      ) : (
        <p className="text-sm text-slate-500">No points on this page.</p>
      )}
      <p className="text-xs text-slate-600">Tag columns first, then fields in italics; values as InfluxDB stores them.</p>
    </div>
  );
}
