'use client';

import { Card } from '@/components/card';
import { CountedAgo } from '@/components/counted-ago';
import { ErrorPanel } from '@/components/error-panel';
import { FindingGroups } from '@/components/finding-groups';
import { errorDetail, isBucketMissing } from '@/lib/client/fetch-result';
import { NotProvisioned } from '@/components/not-provisioned';
import { findingsOfKinds, HEALTH_KINDS, isEmptyReport, WRITER_KINDS } from '@/lib/client/insights-view';
import { useInsights } from '@/lib/client/use-insights';
import { LoadSampleButton } from '../load-sample-button';
import { BucketInsights } from './bucket-insights';
import { FreshnessTable } from './freshness-table';

export function InsightsScreen() {
  const { data, error, isPending, isFetching } = useInsights();
  const writer = data ? findingsOfKinds(data.findings, WRITER_KINDS) : [];
  const health = data ? findingsOfKinds(data.findings, HEALTH_KINDS) : [];
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center gap-3">
        {data ? <CountedAgo at={data.computedAt} label="Computed" testId="insights-age" /> : null}
        {data?.durationMs !== undefined ? (
          <span className="text-xs text-slate-600">in {data.durationMs} ms, from the counts the Measurements screen keeps, the index and /metrics</span>
        ) : null}
        <span className="text-xs text-slate-600">{isFetching ? 'Refreshing…' : 'Refreshes every minute while this tab is visible'}</span>
      </div>
      {isPending ? <p className="text-sm text-slate-500">Reading series, tag values and the last write of each measurement…</p> : null}
      {isBucketMissing(error) ? <NotProvisioned /> : error ? <ErrorPanel error={errorDetail(error)} /> : null}
      {data && isEmptyReport(data) ? (
        <div className="rounded-xl border border-dashed border-indigo-300 bg-indigo-50 p-5 text-sm" data-testid="insights-empty">
          <p className="mb-1 font-medium">No data yet, so nothing to explain.</p>
          <p className="mb-3 text-slate-600">
            HomeIQ fills the buckets as its detectors run. To see the insights now, load sample data here or on the Overview, or from a shell:{' '}
            <code className="rounded bg-white px-1 font-mono text-xs">npm run --silent cli -- seed</code>.
          </p>
          <LoadSampleButton />
        </div>
      ) : null}
      {data ? (
        <>
          <Card title="Writer findings">
            {writer.length ? (
              <FindingGroups findings={writer} show="items" testId="writer-findings" />
            ) : (
              <p className="text-sm text-slate-500" data-testid="writer-findings-none">
                No time-valued tag and no write-time stamps: the writer keeps series bounded.
              </p>
            )}
          </Card>
          <Card title="Freshness">
            <FreshnessTable report={data} />
          </Card>
          <Card title="Type and write health">
            {health.length ? (
              <FindingGroups findings={health} show="items" testId="health-findings" />
            ) : (
              <p className="text-sm text-slate-500" data-testid="health-findings-none">
                No field changed type between shard groups, no write was rejected or dropped, and every bucket stays under its series limit.
              </p>
            )}
            {data.buckets
              .filter((b) => b.typeChangesChecked === false)
              .map((b) => (
                <p key={b.name} className="mt-2 text-sm text-amber-800">
                  Field types of {b.name} could not be checked: InfluxDB did not answer SHOW FIELD KEYS for it (its v1 query API), so a type change there would
                  not show here.
                </p>
              ))}
          </Card>
          {data.buckets.map((b) => (
            <BucketInsights key={b.name} b={b} />
          ))}
        </>
      ) : null}
    </div>
  );
}
