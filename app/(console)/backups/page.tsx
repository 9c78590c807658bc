import { Badge } from '@/components/badge';
import { Card, PageTitle } from '@/components/card';
import { CountedAgo } from '@/components/counted-ago';
import type { Metadata } from 'next';
import { ErrorPanel } from '@/components/error-panel';
import { TableScroll } from '@/components/table-scroll';
import { listBackups } from '@/lib/use-cases/list-backups';
import { BackUpNowButton } from './back-up-now-button';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Backups' };

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${bytes} B`;
}

export default async function BackupsPage() {
  const result = await listBackups();
  if (!result.ok) return <ErrorPanel error={result.error} />;
  return (
    <>
      <PageTitle title="Backups" subtitle="Backups in the layout `influx backup` writes, with the record counts at backup time. A backup is listed once every file is written and checked; `backup verify ID` restores it into a scratch bucket and compares the counts." />
      <Card title="Back up">
        <BackUpNowButton />
      </Card>
      <Card title={`Backups (${result.data.length})`}>
        {result.data.length === 0 ? <p className="text-sm text-slate-600">No backup yet.</p> : null}
        <TableScroll label="Backups table">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 text-xs uppercase text-slate-600">
              <tr>
                <th className="px-2 py-2">Backup</th>
                <th className="px-2 py-2">Age</th>
                <th className="px-2 py-2">Size</th>
                <th className="px-2 py-2">Buckets</th>
                <th className="px-2 py-2">Verified</th>
              </tr>
            </thead>
            <tbody>
              {result.data.map((b) => (
                <tr key={b.id} className="border-b border-slate-100 align-top" data-testid="backup-row">
                  <td className="px-2 py-1.5 font-mono">{b.id}</td>
                  <td className="whitespace-nowrap px-2 py-1.5">
                    <CountedAgo at={b.createdAt} label="" />
                  </td>
                  <td className="whitespace-nowrap px-2 py-1.5">{size(b.bytes)}</td>
                  <td className="px-2 py-1.5">{b.buckets.join(', ')}</td>
                  <td className="px-2 py-1.5" title={b.detail ?? undefined}>
                    {b.verified === null ? <Badge tone="slate">never</Badge> : b.verified ? <Badge tone="green">verified</Badge> : <Badge tone="red">failed</Badge>}
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
