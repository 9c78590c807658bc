import type { Metadata } from 'next';
import { Badge } from '@/components/badge';
import { Card, PageTitle } from '@/components/card';
import { ErrorPanel } from '@/components/error-panel';
import { TableScroll } from '@/components/table-scroll';
import { describeToken } from '@/lib/model/token';
import { listTokens } from '@/lib/use-cases/list-tokens';
import { CreateTokenPanel } from './create-token-panel';
import { DiagnoseToken } from './diagnose-token';
import { TokenActions } from './token-actions';
import { ViewerTokenNote } from './viewer-token-note';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Tokens' };

export default async function TokensPage() {
  const tokens = await listTokens();
  return (
    <>
      <PageTitle title="Tokens" subtitle="The organization's API tokens and what each can do. A token's secret is never shown again after its creation." />
      <div className="space-y-6">
        <Card title="Diagnose a token">
          <DiagnoseToken />
        </Card>
        <Card title="Create a token for a HomeIQ service">
          <CreateTokenPanel />
        </Card>
        <Card title={tokens.ok ? `Tokens (${tokens.data.length})` : 'Tokens'}>
          {!tokens.ok ? <ErrorPanel error={tokens.error} title="Tokens not listed" /> : null}
          <ViewerTokenNote />
          {tokens.ok && tokens.data.length === 0 ? <p className="text-sm text-slate-500">No tokens listed. InfluxDB lists none to a token without read:orgs/&lt;org ID&gt;/authorizations and read:users/&lt;owner ID&gt;: the console&apos;s token may lack them (docs/tokens.md).</p> : null}
          {tokens.ok && tokens.data.length > 0 ? (
            <div>
              <TableScroll label="Tokens table">
              <table className="w-full text-left text-sm">
                <thead className="border-b border-slate-200 text-xs uppercase text-slate-600">
                  <tr>
                    <th className="px-2 py-2">Description</th>
                    <th className="px-2 py-2">Can</th>
                    <th className="px-2 py-2">Status</th>
                    <th className="px-2 py-2">Owner</th>
                    <th className="px-2 py-2">Created (UTC)</th>
                    <th className="px-2 py-2">ID</th>
                    <th className="px-2 py-2">Actions</th>
                  </tr>
                </thead>
                <tbody>
                  {tokens.data.map((t) => (
                    <tr key={t.id} className="border-b border-slate-100 align-top" data-testid="token-row">
                      <td className="px-2 py-1.5">{t.description || '—'}</td>
                      <td className="px-2 py-1.5">
                        {describeToken(t)}
                        {t.operator || t.allAccess ? (
                          <span className="ml-2">
                            <Badge tone="amber">{t.operator ? 'Operator' : 'All access'}</Badge>
                          </span>
                        ) : null}
                      </td>
                      <td className="px-2 py-1.5">
                        <Badge tone={t.status === 'active' ? 'green' : 'slate'}>{t.status}</Badge>
                      </td>
                      <td className="px-2 py-1.5">{t.user ?? '—'}</td>
                      <td className="whitespace-nowrap px-2 py-1.5">{t.createdAt ? t.createdAt.replace('T', ' ').slice(0, 19) : '—'}</td>
                      <td className="px-2 py-1.5 font-mono text-xs text-slate-600">{t.id}</td>
                      <td className="px-2 py-1.5">
                        <TokenActions token={t} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              </TableScroll>
              {tokens.data.some((t) => t.allAccess) ? (
                <p className="mt-3 text-xs text-slate-600">All-access and operator tokens can delete every bucket: give each HomeIQ service a writer or reader token instead.</p>
              ) : null}
            </div>
          ) : null}
        </Card>
      </div>
    </>
  );
}
