import type { Metadata } from 'next';
import { Badge } from '@/components/badge';
import { Card, PageTitle } from '@/components/card';
import { DataTable, type Column } from '@/components/data-table';
import { inputClass, secondaryButton } from '@/components/form-styles';
import { readAudit, type AuditEntry } from '@/lib/audit/log';
import { formatUtc } from '@/lib/model/format';
import { AUDIT_ACTIONS, auditQuery, auditSearch, readQuery } from '@/lib/model/url-state';

export const metadata: Metadata = { title: 'Audit' };

/** A change's JSON, one key per line: it wraps at the commas, not mid-word, and a long value breaks only where it must. */
function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="text-slate-600">—</span>;
  return <pre className="max-w-72 min-w-40 whitespace-pre-wrap font-mono text-slate-600 [overflow-wrap:anywhere]">{JSON.stringify(value, null, 1)}</pre>;
}

const COLUMNS: Column<AuditEntry>[] = [
  { id: 'time', header: 'Time', className: 'whitespace-nowrap', cell: (e) => formatUtc(e.ts) },
  { id: 'role', header: 'Role', cell: (e) => e.role },
  { id: 'action', header: 'Action', className: 'font-mono', cell: (e) => e.action },
  { id: 'bucket', header: 'Bucket', className: 'font-mono', cell: (e) => e.bucket ?? '—' },
  { id: 'before', header: 'Before', cell: (e) => <Json value={e.before} /> },
  { id: 'after', header: 'After', cell: (e) => <Json value={e.after} /> },
  {
    id: 'result',
    header: 'Result',
    cell: (e) => (
      <>
        <Badge tone={e.result === 'ok' ? 'green' : e.result === 'skipped' ? 'amber' : 'red'}>{e.result}</Badge>
        {e.message ? <p className="mt-0.5 text-slate-600">{e.message}</p> : null}
      </>
    ),
  },
];

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // The filters are the URL (a plain GET form): shareable, and Back returns to the last ones. A bad value is no filter.
  const filter = readQuery(auditQuery, await searchParams);
  const entries = readAudit({ action: filter.action || undefined, bucket: filter.bucket || undefined, role: filter.role || undefined, limit: 500 });
  return (
    <>
      <PageTitle title="Audit" subtitle="Every change the console and its CLI made: who, what, before and after, and how it ended." />
      <Card title={entries.length === 500 ? 'Changes (the newest 500: Download CSV has them all)' : `Changes (${entries.length})`}>
        <form className="mb-4 flex flex-wrap items-end gap-2 text-sm" method="get">
          <select name="action" defaultValue={filter.action} className={`${inputClass} w-48`} aria-label="Action">
            <option value="">Any action</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
          <select name="role" defaultValue={filter.role} className={`${inputClass} w-32`} aria-label="Role">
            <option value="">Any role</option>
            <option value="admin">admin</option>
            <option value="cli">cli</option>
          </select>
          <input name="bucket" defaultValue={filter.bucket} placeholder="Bucket contains" className={`${inputClass} w-56`} aria-label="Bucket" />
          <button type="submit" className={secondaryButton}>
            Filter
          </button>
          {/* Every change matching these filters, not only the 500 shown: a route, not the page. */}
          <a href={`/api/audit.csv${auditSearch(filter)}`} download className={`${secondaryButton} ml-auto`}>
            Download CSV
          </a>
        </form>
        {entries.length === 0 ? (
          <p className="text-sm text-slate-500">No changes recorded{filter.action || filter.bucket || filter.role ? ' for this filter' : ' yet'}.</p>
        ) : null}
        {entries.length ? (
          <DataTable
            label="Changes table"
            columns={COLUMNS}
            rows={entries}
            rowKey={(e) => e.id}
            rowTestId={() => 'audit-row'}
            rowClassName="align-top"
            size="xs"
          />
        ) : null}
      </Card>
    </>
  );
}
