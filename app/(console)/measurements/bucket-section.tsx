'use client';

import { memo, useMemo } from 'react';
import { Card } from '@/components/card';
import type { BucketChartsProps } from '@/components/charts/bucket-charts';
import { ChartsPlaceholder, lazyChart } from '@/components/charts/lazy-chart';
import { formatCount } from '@/lib/model/format';
import { formatRetention } from '@/lib/model/retention';
import type { BucketStats } from '@/lib/model/stats';
import { coverage } from '@/lib/model/coverage';
import { filterMeasurements, MeasurementTable } from './measurement-table';
import type { MeasurementsQuery } from '@/lib/model/url-state';
import { pluralWord } from '@/lib/model/plural';
import { RelativeTime } from '@/components/relative-time';

const BucketCharts = lazyChart<BucketChartsProps>(() => import('@/components/charts/bucket-charts'), <ChartsPlaceholder count={4} />);

/** Memoised: the screen re-renders on every poll and bucket-list refresh; a bucket's charts redraw only when its figures change. */
export const BucketSection = memo(function BucketSection({
  stats,
  query,
  onSort,
}: {
  stats: BucketStats;
  query: MeasurementsQuery;
  onSort: (column: string) => void;
}) {
  const cov = useMemo(() => coverage(stats.retentionSeconds, stats.firstTime), [stats.retentionSeconds, stats.firstTime]);
  const empty = stats.records === 0;
  const sort = { column: query.sort, direction: query.dir, onSort };
  const rows = filterMeasurements(stats.measurements, query);
  const unexpected = filterMeasurements(stats.unexpected, query);
  return (
    <Card title={`${stats.name} · retention ${formatRetention(stats.retentionSeconds)}`}>
      <p className="mb-4 text-sm" data-testid={`bucket-summary-${stats.name}`}>
        <span className="font-semibold">
          {formatCount(stats.records)} {pluralWord(stats.records, 'record')}
        </span>
        {stats.estimatedRecords !== null ? (
          <span className="text-slate-500"> · seed estimate ~{formatCount(stats.estimatedRecords)} at full retention</span>
        ) : null}
        {cov.fill !== null ? <span className="text-slate-500"> · data covers {Math.round(cov.fill * 100)}% of the window</span> : null}
        <span className="text-slate-600" data-testid={`bucket-counted-${stats.name}`}>
          {' '}
          · up to date as of <RelativeTime at={stats.computedAt} /> · {stats.recountedSlices} of {stats.countedSlices} time slices counted again in{' '}
          {stats.queryMs} ms
          {Date.parse(stats.computedAt) - Date.parse(stats.detailsReadAt) > 1000 ? (
            <>
              {' '}
              · series, keys and first/last times as read <RelativeTime at={stats.detailsReadAt} /> (series plus the tag sets counted since; a new read is under
              way)
            </>
          ) : null}
        </span>
      </p>
      {empty ? (
        <p className="mb-4 rounded-md bg-slate-50 p-3 text-sm text-slate-600">
          No data in this bucket yet. Every measurement of the spec is listed with zeros below.
        </p>
      ) : (
        <div className="mb-4">
          <BucketCharts name={stats.name} measurements={stats.measurements} unexpected={stats.unexpected} cov={cov} />
        </div>
      )}
      {rows.length === 0 && stats.measurements.length > 0 ? (
        <p className="text-sm text-slate-600">
          No measurement of {stats.name} matches “{query.q}”.
        </p>
      ) : (
        <MeasurementTable bucket={stats.name} rows={rows} cov={cov} sort={sort} />
      )}
      {unexpected.length ? (
        <div className="mt-5" data-testid={`unexpected-${stats.name}`}>
          <h3 className="mb-2 text-sm font-semibold text-amber-800">Measurements not in the spec</h3>
          <MeasurementTable bucket={stats.name} rows={unexpected} cov={cov} sort={sort} />
        </div>
      ) : null}
    </Card>
  );
});
