import { inputClass } from '@/components/form-styles';
import { CompactInput } from '@/components/compact-input';
import { tagCountsSummary } from '@/lib/client/measurement-view';
import type { MeasurementDetail } from '@/lib/model/measurement-detail';
import { DataTable } from '@/components/data-table';
import { formatNumber } from '@/lib/model/format';

interface Props {
  detail: MeasurementDetail;
  tag: string | null;
  onTag: (tag: string) => void;
  search: string;
  onSearch: (text: string) => void;
  /** The figures shown belong to the previous search while the next one loads. */
  stale: boolean;
}

/** The top values of one tag (the entities) with their records, searchable, and how they add up. */
export function TagCounts({ detail, tag, onTag, search, onSearch, stale }: Props) {
  const perTag = detail.perTag;
  const chosen = tag ?? perTag?.tag ?? '';
  const summary = perTag ? tagCountsSummary(perTag, detail.records) : null;
  const top = summary?.values[0]?.records ?? 0;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <label className="text-sm">
          <span className="block text-xs text-slate-500">Tag</span>
          <select className={`${inputClass} w-auto`} value={chosen} onChange={(e) => onTag(e.target.value)} aria-label="Tag">
            {detail.tagKeys.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        <CompactInput label="Search values" width="w-64" value={search} onChange={onSearch} placeholder="e.g. kitchen" />
        {stale ? <span className="text-xs text-slate-600">Counting…</span> : null}
      </div>
      {perTag && summary ? (
        <>
          <p
            className={`text-sm ${summary.addsUp ? 'text-slate-600' : 'rounded-md bg-amber-50 p-2 text-amber-900'}`}
            data-testid="tag-counts-sum"
            data-adds-up={summary.addsUp ? 'true' : 'false'}
          >
            {summary.sentence}
          </p>
          {summary.values.length ? (
            <DataTable
              label={`Records per ${perTag.tag}`}
              testId="tag-counts"
              size="xs"
              rows={summary.values}
              rowKey={(v) => v.value}
              rowTestId={() => 'tag-value-row'}
              columns={[
                { id: 'value', header: perTag.tag, className: 'font-mono text-xs', cell: (v) => <span data-testid="tag-value">{v.value}</span> },
                {
                  id: 'records',
                  header: 'Records',
                  align: 'right',
                  className: 'text-sm',
                  cell: (v) => <span data-testid="tag-value-records">{formatNumber(v.records)}</span>,
                },
                {
                  id: 'share',
                  header: <span className="sr-only">Share</span>,
                  className: 'w-1/3',
                  cell: (v) => <div className="h-2 rounded bg-indigo-500" style={{ width: `${top ? Math.max(2, (v.records / top) * 100) : 0}%` }} />,
                },
              ]}
              footer={
                <>
                  {summary.withoutTag > 0 ? (
                    <tr className="text-slate-600" data-testid="tag-value-none">
                      <td className="px-2 py-1.5 text-xs italic">no {perTag.tag} tag</td>
                      <td className="px-2 py-1.5 text-right text-sm tabular-nums">{formatNumber(summary.withoutTag)}</td>
                      <td />
                    </tr>
                  ) : null}
                  {summary.others > 0 ? (
                    <tr className="text-slate-600">
                      <td className="px-2 py-1.5 text-xs">the other values</td>
                      <td className="px-2 py-1.5 text-right text-sm tabular-nums">{formatNumber(summary.others)}</td>
                      <td />
                    </tr>
                  ) : null}
                </>
              }
            />
          ) : (
            <p className="text-sm text-slate-500">
              {perTag.search ? `No ${perTag.tag} value matches "${perTag.search}".` : `No point carries a ${perTag.tag} tag.`}
            </p>
          )}
        </>
      ) : (
        <p className="text-sm text-slate-500">This measurement has no tags to count by.</p>
      )}
    </div>
  );
}
