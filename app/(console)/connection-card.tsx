'use client';

import { Badge } from '@/components/badge';
import { Card } from '@/components/card';
import { ErrorPanel } from '@/components/error-panel';
import { errorDetail } from '@/lib/client/fetch-result';
import { useConnection } from '@/lib/client/use-connection';
import { RelativeTime } from '@/components/relative-time';

export function ConnectionCard() {
  const { data, error, isPending } = useConnection();
  const healthy = data && !data.error && data.health === 'pass';
  return (
    <Card
      title="Connection"
      actions={
        data ? <Badge tone={healthy ? 'green' : 'red'}>{healthy ? 'Connected' : data.error?.code === 'unreachable' ? 'Unreachable' : 'Problem'}</Badge> : null
      }
    >
      {isPending ? <p className="text-sm text-slate-500">Checking InfluxDB…</p> : null}
      {error ? <ErrorPanel error={errorDetail(error)} /> : null}
      {data ? (
        <div className="space-y-4">
          <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-4">
            <Item label="URL" value={data.url} mono />
            <Item label="Organization" value={data.org} />
            <Item label="InfluxDB version" value={data.version} testId="influx-version" />
            <Item label="Health / ready" value={data.health ? `${data.health} / ${data.ready ? 'ready' : 'not ready'}` : null} />
          </dl>
          {data.error ? <ErrorPanel error={data.error} /> : null}
          <p className="text-xs text-slate-600">
            Checked <RelativeTime at={data.checkedAt} /> · refreshes every 4 s
          </p>
        </div>
      ) : null}
    </Card>
  );
}

function Item({ label, value, mono, testId }: { label: string; value: string | null; mono?: boolean; testId?: string }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd data-testid={testId} className={`font-medium ${mono ? 'font-mono text-xs' : ''}`}>
        {value ?? '—'}
      </dd>
    </div>
  );
}
