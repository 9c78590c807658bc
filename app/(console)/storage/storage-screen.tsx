'use client';

import type { ComponentProps } from 'react';
import { ChartsPlaceholder, lazyChart } from '@/components/charts/lazy-chart';
import type StorageChartsChunk from '@/components/charts/storage-charts';
import { CountedAgo } from '@/components/counted-ago';
import { ErrorPanel } from '@/components/error-panel';
import { SamplerFailure } from '@/components/sampler-failure';
import { errorDetail, isBucketMissing } from '@/lib/client/fetch-result';
import { NotProvisioned } from '@/components/not-provisioned';
import { useStorage } from '@/lib/client/use-storage';
import { useUrlState } from '@/lib/client/use-url-state';
import { storageQuery } from '@/lib/model/url-state';
import { RANGES, type RangeKey as Range } from '@/lib/model/storage';
import { BucketGrowth } from './bucket-growth';

// Disk and series over time, then one chart per bucket: as many boxes while recharts loads.
const StorageCharts = lazyChart<ComponentProps<typeof StorageChartsChunk>>(
  () => import('@/components/charts/storage-charts'),
  ({ buckets }) => <ChartsPlaceholder count={2 + buckets.length} />,
);

export function StorageScreen() {
  // The range lives in the URL: shareable, and Back returns to the last one.
  const [{ range }, setQuery] = useUrlState(storageQuery);
  const setRange = (r: Range) => setQuery({ range: r });
  const { data, error, isPending } = useStorage(range);
  return (
    <div className="space-y-5">
      <div className="flex items-center gap-2" role="group" aria-label="Range">
        {(Object.keys(RANGES) as Range[]).map((r) => (
          <button
            key={r}
            type="button"
            aria-pressed={r === range}
            onClick={() => setRange(r)}
            className={`rounded-md px-3 py-1 text-sm ${r === range ? 'bg-slate-800 text-white dark:bg-indigo-600' : 'bg-white text-slate-700 ring-1 ring-slate-300'}`}
          >
            {r}
          </button>
        ))}
        {data ? <CountedAgo at={data.generatedAt} label="Report made" testId="storage-age" /> : null}
      </div>
      {isPending ? <p className="text-sm text-slate-500">Reading /metrics and counting records…</p> : null}
      {isBucketMissing(error) ? <NotProvisioned /> : error ? <ErrorPanel error={errorDetail(error)} /> : null}
      {data ? (
        <>
          <SamplerFailure status={data.sampler} />
          {data.warnings.length ? (
            <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm" data-testid="storage-warnings">
              <p className="font-semibold text-amber-900">Storage warnings</p>
              <ul className="mt-1 list-disc pl-5 text-amber-900">
                {data.warnings.map((w) => (
                  <li key={w.bucket + w.message}>
                    <span className="font-mono">{w.bucket}</span>: {w.message}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {!data.metrics.available ? <ErrorPanel error={data.metrics.error} title="Bytes on disk unavailable" /> : null}
          {data.buckets.map((b) => (
            <BucketGrowth key={b.name} b={b} />
          ))}
          <StorageCharts buckets={data.buckets} />
        </>
      ) : null}
    </div>
  );
}
