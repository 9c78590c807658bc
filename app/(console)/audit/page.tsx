import type { Metadata } from 'next';
import { Badge } from '@/components/badge';
import { Card, PageTitle } from '@/components/card';
import { inputClass, secondaryButton } from '@/components/form-styles';
import { readAudit } from '@/lib/audit/log';
import { TableScroll } from '@/components/table-scroll';

export const metadata: Metadata = { title: 'Audit' };

const ACTIONS = ['bucket.create', 'bucket.update', 'bucket.delete', 'provision.create', 'provision.update', 'verify.probe-write', 'budget.set', 'sample.load', 'alerts.test', 'token.create', 'token.activate', 'token.deactivate', 'token.delete', 'provision.token.create', 'backup.create', 'backup.restore', 'backup.verify'];

function one(v: string | string[] | undefined): string {
  return (Array.isArray(v) ? v[0] : v)?.slice(0, 200) ?? '';
}

/** A change's JSON, one key per line: it wraps at the commas, not mid-word, and a long value breaks only where it must. */
function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="text-slate-600">—</span>;
  return <pre className="max-w-72 min-w-40 whitespace-pre-wrap font-mono text-slate-600 [overflow-wrap:anywhere]">{JSON.stringify(value, null, 1)}</pre>;
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const filter = { action: one(params.action), bucket: one(params.bucket), role: one(params.role) };
  const entries = readAudit({ action: ACTIONS.includes(filter.action) ? filter.action : undefined, bucket: filter.bucket || undefined, role: ['admin', 'viewer', 'cli'].includes(filter.role) ? filter.role : undefined, limit: 500 });
  return (
    <>
      <PageTitle title="Audit" subtitle="Every change the console and its CLI made: who, what, before and after, and how it ended." />
      <Card title={`Changes (${entries.length}${entries.length === 500 ? '+' : ''})`}>
        <form className="mb-4 flex flex-wrap items-end gap-2 text-sm" method="get">
          <select name="action" defaultValue={filter.action} className={`${inputClass} w-48`} aria-label="Action">
            <option value="">Any action</option>
            {ACTIONS.map((a) => (
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
        </form>
        {entries.length === 0 ? <p className="text-sm text-slate-500">No changes recorded{filter.action || filter.bucket || filter.role ? ' for this filter' : ' yet'}.</p> : null}
        <TableScroll label="Changes table">
          <table className="w-full text-left text-xs">
            <thead className="border-b border-slate-200 uppercase text-slate-500">
              <tr>
                <th className="px-2 py-2">Time (UTC)</th>
                <th className="px-2 py-2">Role</th>
                <th className="px-2 py-2">Action</th>
                <th className="px-2 py-2">Bucket</th>
                <th className="px-2 py-2">Before</th>
                <th className="px-2 py-2">After</th>
                <th className="px-2 py-2">Result</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id} className="border-b border-slate-100 align-top" data-testid="audit-row">
                  <td className="whitespace-nowrap px-2 py-1.5">{new Date(e.ts).toISOString().replace('T', ' ').slice(0, 19)}</td>
                  <td className="px-2 py-1.5">{e.role}</td>
                  <td className="px-2 py-1.5 font-mono">{e.action}</td>
                  <td className="px-2 py-1.5 font-mono">{e.bucket ?? '—'}</td>
                  <td className="px-2 py-1.5">
                    <Json value={e.before} />
                  </td>
                  <td className="px-2 py-1.5">
                    <Json value={e.after} />
                  </td>
                  <td className="px-2 py-1.5">
                    <Badge tone={e.result === 'ok' ? 'green' : e.result === 'skipped' ? 'amber' : 'red'}>{e.result}</Badge>
                    {e.message ? <p className="mt-0.5 text-slate-500">{e.message}</p> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </Card>
    </>
  );
}
