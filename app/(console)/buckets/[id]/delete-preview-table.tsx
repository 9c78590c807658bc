import type { DeletePreview } from '@/lib/model/data-operations';
import { DataTable } from '@/components/data-table';
import { plural } from '@/lib/model/plural';
import { formatNumber } from '@/lib/model/format';

function fieldText(value: string | number | boolean | null): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** What a delete would remove: points per measurement, the predicate sent, and a few of the points. */
export function DeletePreviewTable({ preview }: { preview: DeletePreview }) {
  const rows = Object.entries(preview.points).sort(([a], [b]) => a.localeCompare(b));
  return (
    <div className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
      <p>
        {preview.total === 0 ? (
          <strong>Nothing matches: there is nothing to delete.</strong>
        ) : (
          <strong>
            {plural(preview.total, 'point')} would be deleted from {preview.bucket}
          </strong>
        )}{' '}
        — {preview.selection}, {preview.start} to {preview.stop}. Predicate sent to InfluxDB:{' '}
        <code className="break-all">{preview.predicate || '(none: every series)'}</code>
      </p>
      {rows.length > 0 ? (
        <DataTable
          label="Points to delete per measurement"
          testId="delete-counts"
          rows={rows}
          rowKey={([m]) => m}
          columns={[
            { id: 'measurement', header: 'Measurement', className: 'font-mono text-xs', cell: ([m]) => m },
            { id: 'points', header: 'Points', align: 'right', cell: ([, n]) => formatNumber(n) },
          ]}
        />
      ) : null}
      {preview.sample.length > 0 ? (
        <div>
          <p className="mb-1 text-xs text-slate-600">A sample of them, as stored:</p>
          <DataTable
            label="Sample of the points to delete"
            testId="delete-sample"
            size="xs"
            rows={preview.sample}
            rowKey={(p) => `${p.measurement}|${JSON.stringify(p.tags)}|${p.time}`}
            rowClassName="align-top font-mono"
            columns={[
              { id: 'time', header: 'Time', className: 'whitespace-nowrap', cell: (p) => p.time },
              { id: 'measurement', header: 'Measurement', cell: (p) => p.measurement },
              {
                id: 'tags',
                header: 'Tags',
                cell: (p) =>
                  Object.entries(p.tags)
                    .map(([k, v]) => `${k}=${v}`)
                    .join(', '),
              },
              {
                id: 'fields',
                header: 'Fields',
                cell: (p) =>
                  Object.entries(p.fields)
                    .map(([k, v]) => `${k}=${fieldText(v)}`)
                    .join(', '),
              },
            ]}
          />
        </div>
      ) : null}
    </div>
  );
}
