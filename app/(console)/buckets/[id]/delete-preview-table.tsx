import type { DeletePreview } from '@/lib/model/data-operations';
import { TableScroll } from '@/components/table-scroll';
import { plural } from '@/lib/model/plural';

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
        — {preview.selection}, {preview.start} to {preview.stop}. Predicate sent to InfluxDB: <code className="break-all">{preview.predicate || '(none: every series)'}</code>
      </p>
      {rows.length > 0 ? (
        <table className="text-left" data-testid="delete-counts">
          <thead className="text-xs uppercase text-slate-500">
            <tr>
              <th className="pr-6">Measurement</th>
              <th className="text-right">Points</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([m, n]) => (
              <tr key={m}>
                <td className="pr-6 font-mono text-xs">{m}</td>
                <td className="text-right tabular-nums">{n.toLocaleString('en-US')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {preview.sample.length > 0 ? (
        <div>
          <p className="mb-1 text-xs text-slate-600">A sample of them, as stored:</p>
          <TableScroll label="Sample of the points to delete">
            <table className="text-left text-xs" data-testid="delete-sample">
              <thead className="uppercase text-slate-500">
                <tr>
                  <th className="pr-4">Time</th>
                  <th className="pr-4">Measurement</th>
                  <th className="pr-4">Tags</th>
                  <th>Fields</th>
                </tr>
              </thead>
              <tbody className="font-mono">
                {preview.sample.map((p) => (
                  <tr key={`${p.measurement}|${JSON.stringify(p.tags)}|${p.time}`} className="align-top">
                    <td className="whitespace-nowrap pr-4">{p.time}</td>
                    <td className="pr-4">{p.measurement}</td>
                    <td className="pr-4">{Object.entries(p.tags).map(([k, v]) => `${k}=${v}`).join(', ')}</td>
                    <td>{Object.entries(p.fields).map(([k, v]) => `${k}=${fieldText(v)}`).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </div>
      ) : null}
    </div>
  );
}
