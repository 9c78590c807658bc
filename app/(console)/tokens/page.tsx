import type { Metadata } from 'next';
import { Badge } from '@/components/badge';
import { Card, PageTitle } from '@/components/card';
import { ErrorPanel } from '@/components/error-panel';
import { DataTable, type Column } from '@/components/data-table';
import { formatUtc } from '@/lib/model/format';
import { describeToken, type TokenInfo } from '@/lib/model/token';
import { listTokens } from '@/lib/use-cases/list-tokens';
import { CreateTokenPanel } from './create-token-panel';
import { DiagnoseToken } from './diagnose-token';
import { TokenActions } from './token-actions';
import { ViewerTokenNote } from './viewer-token-note';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Tokens' };

const TOKEN_COLUMNS: Column<TokenInfo>[] = [
  { id: 'description', header: 'Description', cell: (t) => t.description || '—' },
  {
    id: 'can',
    header: 'Can',
    cell: (t) => (
      <>
        {describeToken(t)}
        {t.operator || t.allAccess ? (
          <span className="ml-2">
            <Badge tone="amber">{t.operator ? 'Operator' : 'All access'}</Badge>
          </span>
        ) : null}
      </>
    ),
  },
  { id: 'status', header: 'Status', cell: (t) => <Badge tone={t.status === 'active' ? 'green' : 'slate'}>{t.status}</Badge> },
  { id: 'owner', header: 'Owner', cell: (t) => t.user ?? '—' },
  { id: 'created', header: 'Created', className: 'whitespace-nowrap', cell: (t) => formatUtc(t.createdAt) },
  { id: 'id', header: 'ID', className: 'font-mono text-xs text-slate-600', cell: (t) => t.id },
  { id: 'actions', header: 'Actions', cell: (t) => <TokenActions token={t} /> },
];

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
          {tokens.ok && tokens.data.length === 0 ? (
            <p className="text-sm text-slate-500">
              No tokens listed. InfluxDB lists none to a token without read:orgs/&lt;org ID&gt;/authorizations and read:users/&lt;owner ID&gt;: the
              console&apos;s token may lack them (docs/tokens.md).
            </p>
          ) : null}
          {tokens.ok && tokens.data.length > 0 ? (
            <div>
              <DataTable
                label="Tokens table"
                columns={TOKEN_COLUMNS}
                rows={tokens.data}
                rowKey={(t) => t.id}
                rowTestId={() => 'token-row'}
                rowClassName="align-top"
              />
              {tokens.data.some((t) => t.allAccess) ? (
                <p className="mt-3 text-xs text-slate-600">
                  All-access and operator tokens can delete every bucket: give each HomeIQ service a writer or reader token instead.
                </p>
              ) : null}
            </div>
          ) : null}
        </Card>
      </div>
    </>
  );
}
