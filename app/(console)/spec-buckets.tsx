'use client';

import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useState } from 'react';
import { Badge } from '@/components/badge';
import { ErrorPanel } from '@/components/error-panel';
import { errorDetail, isBucketMissing } from '@/lib/client/fetch-result';
import { NotProvisioned } from '@/components/not-provisioned';
import { diskFigure, formatCount, formatNumber } from '@/lib/model/format';
import { findingCounts } from '@/lib/client/insights-view';
import { bucketVerdict, recentDays } from '@/lib/client/overview-view';
import { useBuckets } from '@/lib/client/use-buckets';
import { useInsights } from '@/lib/client/use-insights';
import { useLastVerify } from '@/lib/client/use-last-verify';
import { useStats } from '@/lib/client/use-stats';
import { useStorage } from '@/lib/client/use-storage';
import { formatRetention } from '@/lib/model/retention';
import { Figure } from '@/components/figure';
import { plural } from '@/lib/model/plural';

const MiniBars = dynamic(() => import('@/components/charts/mini-bars'), { ssr: false, loading: () => <p className="h-16 text-xs text-slate-600">Drawing…</p> });

/** Days of growth drawn on each tile. */
const GROWTH_DAYS = 30;

export interface SpecBucketSummary {
  name: string;
  retentionSeconds: number;
  description: string;
  estimatedRecords: number;
  measurements: { name: string; detector: string }[];
}

/** The spec's buckets at a glance: whether each exists, its records, series, bytes, growth, checks and findings. */
export function SpecBuckets({ specName, buckets }: { specName: string; buckets: SpecBucketSummary[] }) {
  const list = useBuckets();
  const stats = useStats();
  const storage = useStorage('24h');
  const insights = useInsights();
  const verify = useLastVerify();
  const [now] = useState(() => Date.now());
  const missing = list.data ? buckets.filter((b) => !list.data.some((x) => x.name === b.name)).length : 0;
  const findings = insights.data ? findingCounts(insights.data) : null;
  return (
    <div className="space-y-4">
      {list.error ? <ErrorPanel error={errorDetail(list.error)} /> : null}
      {missing > 0 ? <NotProvisioned missing={missing} total={buckets.length} specName={specName} heading="h3" /> : null}
      {/* A bucket that does not exist yet is the state above, not a failure of each query. */}
      {stats.error && !isBucketMissing(stats.error) ? <ErrorPanel error={errorDetail(stats.error)} title="Records unavailable" /> : null}
      {storage.error && !isBucketMissing(storage.error) ? <ErrorPanel error={errorDetail(storage.error)} title="Bytes on disk and growth unavailable" /> : null}
      <div className="grid gap-4 md:grid-cols-2">
        {buckets.map((b) => {
          const actual = list.data?.find((x) => x.name === b.name);
          const matches = actual && actual.retentionSeconds === b.retentionSeconds;
          const s = stats.data?.find((x) => x.name === b.name);
          const st = storage.data?.buckets.find((x) => x.name === b.name);
          const ins = insights.data?.buckets.find((x) => x.name === b.name);
          const series = ins?.series ?? st?.series ?? null;
          const disk = diskFigure(s?.records ?? st?.records ?? null, st?.diskBytes ?? null);
          const open = findings ? (findings[b.name] ?? 0) : null;
          const checks = verify.data ? bucketVerdict(verify.data.checks, b.name) : null;
          return (
            <div key={b.name} className="rounded-lg border border-slate-200 p-4" data-testid={`spec-bucket-${b.name}`}>
              <div className="flex items-center justify-between gap-2">
                <p className="font-mono text-sm font-semibold">{b.name}</p>
                {list.data ? (
                  actual ? (
                    <Badge tone={matches ? 'green' : 'amber'}>
                      {matches ? `exists · ${actual.retentionText}` : `retention ${actual.retentionText}, spec ${formatRetention(b.retentionSeconds)}`}
                    </Badge>
                  ) : (
                    <Badge tone="red">missing</Badge>
                  )
                ) : null}
              </div>
              <p className="mt-1 text-xs text-slate-500">
                {b.description} · retention {formatRetention(b.retentionSeconds)} · ~{formatNumber(b.estimatedRecords)} records expected
              </p>
              <dl className="mt-3 grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
                <Figure label="Records" value={s ? formatCount(s.records) : '—'} testId="tile-records" />
                <Figure
                  label="Series"
                  value={series === null ? '—' : formatCount(series)}
                  hint={ins ? `→ ${formatCount(ins.projectedSeries)} at full retention` : undefined}
                  testId="tile-series"
                />
                <Figure label="On disk" value={disk.value} hint={disk.hint} testId="tile-disk" />
                <Figure
                  label="Growth per day"
                  value={st?.projection.recordsPerDay == null ? '—' : `${formatCount(st.projection.recordsPerDay)} rec`}
                  testId="tile-growth"
                />
              </dl>
              {st && st.recordsPerDay.length ? (
                <figure className="mt-2">
                  <figcaption className="text-xs text-slate-600">Records written per day, last {GROWTH_DAYS} days</figcaption>
                  <MiniBars data={recentDays(st.recordsPerDay, GROWTH_DAYS, now)} unit="records" testId={`tile-growth-chart-${b.name}`} />
                </figure>
              ) : null}
              <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-1 border-t border-slate-100 pt-3 text-xs">
                <span data-testid="tile-verify">
                  Last verification:{' '}
                  {verify.data === null ? <span className="text-slate-500">none yet</span> : checks ? <Badge tone={checks.tone}>{checks.text}</Badge> : '—'}
                </span>
                <Link href="/insights" className="text-indigo-700 underline" data-testid="tile-findings">
                  {open === null ? 'Insights' : open === 0 ? 'No open findings' : plural(open, 'open finding')} →
                </Link>
              </div>
              <details className="mt-2 text-xs">
                <summary className="cursor-pointer text-slate-500">{plural(b.measurements.length, 'measurement')}</summary>
                <ul className="mt-1 grid grid-cols-1 gap-0.5 sm:grid-cols-2">
                  {b.measurements.map((m) => (
                    <li key={m.name}>
                      <span className="font-mono">{m.name}</span> <span className="text-slate-600">{m.detector}</span>
                    </li>
                  ))}
                </ul>
              </details>
            </div>
          );
        })}
      </div>
    </div>
  );
}
