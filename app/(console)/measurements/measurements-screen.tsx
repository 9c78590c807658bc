'use client';

import { useCallback } from 'react';
import { CsvDownload } from '@/components/csv-download';
import { inputClass } from '@/components/form-styles';
import { CountedAgo } from '@/components/counted-ago';
import { ErrorPanel } from '@/components/error-panel';
import { errorDetail, isBucketMissing } from '@/lib/client/fetch-result';
import { NotProvisioned } from '@/components/not-provisioned';
import { useBuckets } from '@/lib/client/use-buckets';
import { useStats } from '@/lib/client/use-stats';
import { useUrlState } from '@/lib/client/use-url-state';
import { measurementsQuery } from '@/lib/model/url-state';
import { coverage } from '@/lib/model/coverage';
import { LoadSampleButton } from '../load-sample-button';
import type { BucketStats } from '@/lib/model/stats';
import { BucketSection } from './bucket-section';
import { filterMeasurements, MEASUREMENT_CSV_HEADER, measurementCsvRows } from './measurement-table';

export function MeasurementsScreen({ initial }: { initial?: BucketStats[] }) {
  // The bucket, the filter and the sort live in the URL: shareable, and Back returns to the last view.
  const [query, setQuery] = useUrlState(measurementsQuery);
  const onSort = useCallback(
    (column: string) => setQuery({ sort: column, dir: query.sort === column && query.dir === 'asc' ? 'desc' : 'asc' }),
    [query.sort, query.dir, setQuery],
  );
  const buckets = useBuckets();
  const others = (buckets.data ?? []).filter((b) => !b.managed && !b.system);
  // A bucket the URL names but the organization does not hold: the spec's buckets, as the screen opens.
  const bucket = buckets.data && !others.some((b) => b.name === query.bucket) ? '' : query.bucket;
  const stats = useStats(bucket || undefined, bucket ? undefined : initial);
  const empty = stats.data?.every((b) => b.records === 0);
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center gap-3">
        <label className="text-sm">
          <span className="mr-2 font-medium">Buckets</span>
          <select className={`${inputClass} inline-block w-auto`} value={bucket} onChange={(e) => setQuery({ bucket: e.target.value })} aria-label="Bucket">
            <option value="">The spec&apos;s buckets</option>
            {others.map((b) => (
              <option key={b.id} value={b.name}>
                {b.name}
              </option>
            ))}
          </select>
        </label>
        <input
          className={`${inputClass} w-56`}
          type="search"
          placeholder="Filter measurements"
          value={query.q}
          onChange={(e) => setQuery({ q: e.target.value }, 'replace')}
          aria-label="Filter measurements"
        />
        {stats.data?.length ? (
          <CsvDownload
            name="measurements"
            header={MEASUREMENT_CSV_HEADER}
            rows={() =>
              (stats.data ?? []).flatMap((b) =>
                measurementCsvRows(
                  b.name,
                  [...filterMeasurements(b.measurements, query), ...filterMeasurements(b.unexpected, query)],
                  coverage(b.retentionSeconds, b.firstTime),
                ),
              )
            }
          />
        ) : null}
        {stats.data?.length ? <CountedAgo at={stats.data.map((b) => b.computedAt).sort()[0]} label="Records counted" testId="stats-age" /> : null}
        {stats.data?.every((b) => b.checkedAt) ? (
          <CountedAgo at={stats.data.map((b) => b.checkedAt ?? '').sort()[0]} label="· InfluxDB showed no change since, checked" testId="stats-checked" />
        ) : null}
        {stats.isFetching ? (
          <span className="text-xs text-slate-600">Refreshing…</span>
        ) : (
          <span className="text-xs text-slate-600">Refreshes every 30 s while this tab is visible</span>
        )}
      </div>
      {stats.isPending ? <p className="text-sm text-slate-500">Counting records (pushed down to InfluxDB storage)…</p> : null}
      {isBucketMissing(stats.error) ? <NotProvisioned /> : stats.error ? <ErrorPanel error={errorDetail(stats.error)} /> : null}
      {empty && !bucket ? (
        <div className="rounded-xl border border-dashed border-indigo-300 bg-indigo-50 p-5">
          <p className="mb-3 text-sm">The AI-5 buckets are empty. Load realistic sample aggregates (90 days, 52 weeks, 10 devices) to see the charts.</p>
          <LoadSampleButton />
        </div>
      ) : null}
      {stats.data?.map((b) => (
        <BucketSection key={b.name} stats={b} query={query} onSort={onSort} />
      ))}
    </div>
  );
}
