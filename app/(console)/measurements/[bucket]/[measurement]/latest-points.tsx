import { secondaryButton } from '@/components/form-styles';
import { pointColumns, storedValue } from '@/lib/client/measurement-view';
import type { MeasurementDetail } from '@/lib/model/measurement-detail';
import { TableScroll } from '@/components/table-scroll';

/** The newest points first, every tag and field as stored (JSON strings stay JSON), a page at a time. */
export function LatestPoints({ detail, onPage, stale }: { detail: MeasurementDetail; onPage: (page: number) => void; stale: boolean }) {
  const { latest } = detail;
  const cols = pointColumns(detail);
  const first = (latest.page - 1) * latest.pageSize + 1;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <button type="button" className={`${secondaryButton} disabled:opacity-50`} disabled={latest.page <= 1 || stale} onClick={() => onPage(latest.page - 1)}>
          ← Newer
        </button>
        <span data-testid="points-page">
          Page {latest.page}
          {latest.points.length ? ` · points ${first.toLocaleString('en-US')}–${(first + latest.points.length - 1).toLocaleString('en-US')} of ${detail.records.toLocaleString('en-US')}` : ''}
        </span>
        <button type="button" className={`${secondaryButton} disabled:opacity-50`} disabled={!latest.hasMore || stale} onClick={() => onPage(latest.page + 1)}>
          Older →
        </button>
        {stale ? <span className="text-xs text-slate-600">Loading…</span> : null}
      </div>
      {latest.points.length ? (
        <TableScroll label="Latest points table">
          <table className="w-full text-left text-xs" data-testid="latest-points">
            <thead className="border-b border-slate-200 uppercase text-slate-500">
              <tr>
                <th className="whitespace-nowrap px-2 py-2">_time</th>
                {cols.tags.map((t) => (
                  <th key={`t:${t}`} className="whitespace-nowrap px-2 py-2" title="tag">
                    {t}
                  </th>
                ))}
                {cols.fields.map((f) => (
                  <th key={`f:${f}`} className="whitespace-nowrap px-2 py-2 font-normal italic" title="field">
                    {f}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="font-mono">
              {latest.points.map((p, i) => (
                <tr key={`${p.time}:${i}`} className="border-b border-slate-100 align-top" data-testid="point-row">
                  <td className="whitespace-nowrap px-2 py-1.5">{p.time}</td>
                  {cols.tags.map((t) => (
                    <td key={`t:${t}`} className="whitespace-nowrap px-2 py-1.5">
                      {storedValue(p.tags[t])}
                    </td>
                  ))}
                  {cols.fields.map((f) => (
                    <td key={`f:${f}`} className="max-w-xs truncate px-2 py-1.5" title={storedValue(p.fields[f])}>
                      {storedValue(p.fields[f])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p className="text-sm text-slate-500">No points on this page.</p>
      )}
      <p className="text-xs text-slate-600">Tag columns first, then fields in italics; values as InfluxDB stores them.</p>
    </div>
  );
}
