import { Badge } from '@/components/badge';
import { Card } from '@/components/card';
import { MeasurementInsightView } from '@/components/measurement-insight';
import { formatCount, formatUtc } from '@/lib/model/format';
import { headroom } from '@/lib/client/insights-view';
import type { BucketInsight } from '@/lib/model/insights';

/** A bucket's series now, at full retention and against the limit, then each measurement's drivers. */
export function BucketInsights({ b }: { b: BucketInsight }) {
  const room = headroom(b);
  return (
    <Card
      title={b.name}
      actions={<Badge tone={room.tone}>{room.remaining < 0 ? 'over the series limit' : `${room.percent} of the series limit at full retention`}</Badge>}
    >
      <div data-testid={`bucket-insights-${b.name}`}>
        <dl className="mb-2 grid grid-cols-2 gap-4 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-xs text-slate-500">Series now</dt>
            <dd className="font-semibold tabular-nums">{formatCount(b.series)}</dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">Projected at full retention</dt>
            <dd className="font-semibold tabular-nums" data-testid="bucket-projected">
              {formatCount(b.projectedSeries)}
            </dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">Series limit</dt>
            <dd className="font-semibold tabular-nums">{formatCount(b.seriesLimit)}</dd>
          </div>
        </dl>
        <p className="mb-2 text-sm text-slate-600" data-testid="headroom">
          {room.text}.
        </p>
        <p className="mb-4 text-sm text-slate-600" data-testid="rejected-writes">
          {b.rejectedWrites
            ? `InfluxDB refused ${formatCount(b.rejectedWrites.droppedPoints)} points (${formatCount(b.rejectedWrites.failedWrites)} failed write requests) since ${formatUtc(b.rejectedWrites.since)}.`
            : b.rejectedWrites === null
              ? 'No write refused since influxd started (/metrics).'
              : null}
        </p>
        <div className="grid gap-4 md:grid-cols-2">
          {b.measurements.map((m) => (
            <MeasurementInsightView key={m.name} bucket={b.name} m={m} />
          ))}
        </div>
      </div>
    </Card>
  );
}
