'use client';

import { memo, useMemo } from 'react';
import { Card } from '@/components/card';
import type { BucketChartsProps } from '@/components/charts/bucket-charts';
import { ChartsPlaceholder, lazyChart } from '@/components/charts/lazy-chart';
import { formatCount } from '@/lib/client/format';
import { formatRetention } from '@/lib/model/retention';
import type { BucketStats } from '@/lib/model/stats';
import { coverage } from '@/lib/stats/coverage';
import { LocalTime } from './local-time';
import { MeasurementTable } from './measurement-table';
import { pluralWord } from '@/lib/model/plural';

const BucketCharts = lazyChart<BucketChartsProps>(() => import('@/components/charts/bucket-charts'), <ChartsPlaceholder count={4} />);

/** Memoised: the screen re-renders on every poll and bucket-list refresh; a bucket's charts redraw only when its figures change. */
export const BucketSection = memo(function BucketSection({ stats }: { stats: BucketStats }) {
  const cov = useMemo(() => coverage(stats.retentionSeconds, stats.firstTime), [stats.retentionSeconds, stats.firstTime]);
  const empty = stats.records === 0;
  return (
    <Card title={`${stats.name} · retention ${formatRetention(stats.retentionSeconds)}`}>
      <p className="mb-4 text-sm" data-testid={`bucket-summary-${stats.name}`}>
        <span className="font-semibold">{formatCount(stats.records)} {pluralWord(stats.records, 'record')}</span>
        {stats.estimatedRecords !== null ? <span className="text-slate-500"> · seed estimate ~{formatCount(stats.estimatedRecords)} at full retention</span> : null}
        {cov.fill !== null ? <span className="text-slate-500"> · data covers {Math.round(cov.fill * 100)}% of the window</span> : null}
        <span className="text-slate-600" data-testid={`bucket-counted-${stats.name}`}>
          {' '}
          · up to date at <LocalTime iso={stats.computedAt} /> · {stats.recountedSlices} of {stats.countedSlices} time slices counted again in {stats.queryMs} ms
          {Date.parse(stats.computedAt) - Date.parse(stats.detailsReadAt) > 1000 ? <> · series, keys and first/last times as read at <LocalTime iso={stats.detailsReadAt} /> (series plus the tag sets counted since; a new read is under way)</> : null}
        </span>
      </p>
      {empty ? (
        <p className="mb-4 rounded-md bg-slate-50 p-3 text-sm text-slate-600">No data in this bucket yet. Every measurement of the spec is listed with zeros below.</p>
      ) : (
        <div className="mb-4">
          <BucketCharts name={stats.name} measurements={stats.measurements} unexpected={stats.unexpected} cov={cov} />
        </div>
      )}
      <MeasurementTable bucket={stats.name} rows={stats.measurements} cov={cov} />
      {stats.unexpected.length ? (
        <div className="mt-5" data-testid={`unexpected-${stats.name}`}>
          <h3 className="mb-2 text-sm font-semibold text-amber-800">Measurements not in the spec</h3>
          <MeasurementTable bucket={stats.name} rows={stats.unexpected} cov={cov} />
        </div>
      ) : null}
    </Card>
  );
});
