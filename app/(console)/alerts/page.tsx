import type { Metadata } from 'next';
import { Badge } from '@/components/badge';
import { Card, PageTitle } from '@/components/card';
import { ErrorPanel } from '@/components/error-panel';
import { readAlerts } from '@/lib/use-cases/alerts';
import { TestAlertButton } from './test-alert-button';
import { TableScroll } from '@/components/table-scroll';

export const metadata: Metadata = { title: 'Alerts' };

export const dynamic = 'force-dynamic';

const time = (iso: string | null) => (iso ? iso.replace('T', ' ').slice(0, 19) : '—');

export default async function AlertsPage() {
  const result = await readAlerts();
  if (!result.ok) return <ErrorPanel error={result.error} />;
  const { webhook, incidents, deliveries } = result.data;
  return (
    <>
      <PageTitle title="Alerts" subtitle="Incidents the console noticed — a budget crossed within 30 days, a verification that passed and now fails, InfluxDB unreachable — each sent to the webhook once, and again when it clears." />
      <Card title="Webhook">
        {webhook ? (
          <p className="mb-3 text-sm" data-testid="webhook">
            Alerts go to <span className="font-mono">{webhook.host}</span> ({webhook.flavour === 'generic' ? 'JSON' : `${webhook.flavour} text`}).
          </p>
        ) : (
          <p className="mb-3 text-sm text-slate-600" data-testid="webhook">
            No webhook: incidents are listed here only. Set <span className="font-mono">CONSOLE_ALERT_WEBHOOK_URL</span> (a Slack or Discord incoming webhook, or any HTTP endpoint taking JSON) and restart the console.
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
                opened {time(i.openedAt)} UTC{i.resolvedAt ? ` · resolved ${time(i.resolvedAt)} UTC` : ''}
              </p>
            </li>
          ))}
        </ul>
      </Card>
      <Card title={`Deliveries (${deliveries.length})`}>
        {deliveries.length === 0 ? <p className="text-sm text-slate-500">Nothing sent yet.</p> : null}
        <TableScroll label="Deliveries table">
          <table className="w-full text-left text-xs">
            <thead className="border-b border-slate-200 uppercase text-slate-500">
              <tr>
                <th className="px-2 py-2">Time (UTC)</th>
                <th className="px-2 py-2">Event</th>
                <th className="px-2 py-2">Incident</th>
                <th className="px-2 py-2">Result</th>
                <th className="px-2 py-2">Attempts</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((d) => (
                <tr key={d.id} className="border-b border-slate-100" data-testid="delivery">
                  <td className="whitespace-nowrap px-2 py-1.5">{time(d.at)}</td>
                  <td className="px-2 py-1.5">{d.event}</td>
                  <td className="px-2 py-1.5">{d.incidentId ?? '—'}</td>
                  <td className="px-2 py-1.5">{d.ok ? <Badge tone="green">HTTP {d.status}</Badge> : <Badge tone="red">{d.error}</Badge>}</td>
                  <td className="px-2 py-1.5">{d.attempts}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </Card>
    </>
  );
}
