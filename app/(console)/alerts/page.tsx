import type { Metadata } from 'next';
import { Badge } from '@/components/badge';
import { Card, PageTitle } from '@/components/card';
import { ErrorPanel } from '@/components/error-panel';
import { readAlerts } from '@/lib/use-cases/read-alerts';
import { TestAlertButton } from './test-alert-button';
import { DataTable, type Column } from '@/components/data-table';
import { formatUtc } from '@/lib/model/format';
import type { Delivery } from '@/lib/alerts/store';

export const metadata: Metadata = { title: 'Alerts' };

export const dynamic = 'force-dynamic';

const DELIVERY_COLUMNS: Column<Delivery>[] = [
  { id: 'time', header: 'Time', className: 'whitespace-nowrap', cell: (d) => formatUtc(d.at) },
  { id: 'event', header: 'Event', cell: (d) => d.event },
  { id: 'incident', header: 'Incident', cell: (d) => d.incidentId ?? '—' },
  { id: 'result', header: 'Result', cell: (d) => (d.ok ? <Badge tone="green">HTTP {d.status}</Badge> : <Badge tone="red">{d.error}</Badge>) },
  { id: 'attempts', header: 'Attempts', cell: (d) => d.attempts },
];

export default async function AlertsPage() {
  const result = await readAlerts();
  if (!result.ok) return <ErrorPanel error={result.error} />;
  const { webhook, incidents, deliveries } = result.data;
  return (
    <>
      <PageTitle
        title="Alerts"
        subtitle="Incidents the console noticed — a budget crossed within 30 days, a verification that passed and now fails, InfluxDB unreachable, a scheduled backup failed or the newest good backup older than twice the schedule — each sent to the webhook once, and again when it clears."
      />
      <Card title="Webhook">
        {webhook ? (
          <p className="mb-3 text-sm" data-testid="webhook">
            Alerts go to <span className="font-mono">{webhook.host}</span> ({webhook.flavour === 'generic' ? 'JSON' : `${webhook.flavour} text`}).
          </p>
        ) : (
          <p className="mb-3 text-sm text-slate-600" data-testid="webhook">
            No webhook: incidents are listed here only. Set <span className="font-mono">CONSOLE_ALERT_WEBHOOK_URL</span> (a Slack or Discord incoming webhook,
            or any HTTP endpoint taking JSON) and restart the console.
          </p>
        )}
        <TestAlertButton configured={webhook !== null} />
      </Card>
      <Card title={`Incidents (${incidents.length})`}>
        {incidents.length === 0 ? <p className="text-sm text-slate-500">No incident so far.</p> : null}
        <ul className="divide-y divide-slate-100 text-sm">
          {incidents.map((i) => (
            <li key={i.id} className="py-2" data-testid="incident">
              <div className="flex items-center gap-2">
                <Badge tone={i.resolvedAt ? 'green' : 'red'}>{i.resolvedAt ? 'resolved' : 'open'}</Badge>
                <span className="font-medium">{i.title}</span>
              </div>
              <p className="mt-1 text-slate-600">{i.message}</p>
              <p className="text-xs text-slate-600">
                opened {formatUtc(i.openedAt)}
                {i.resolvedAt ? ` · resolved ${formatUtc(i.resolvedAt)}` : ''}
              </p>
            </li>
          ))}
        </ul>
      </Card>
      <Card title={`Deliveries (${deliveries.length})`}>
        {deliveries.length === 0 ? <p className="text-sm text-slate-500">Nothing sent yet.</p> : null}
        {deliveries.length ? (
          <DataTable label="Deliveries table" columns={DELIVERY_COLUMNS} rows={deliveries} rowKey={(d) => d.id} rowTestId={() => 'delivery'} size="xs" />
        ) : null}
      </Card>
    </>
  );
}
