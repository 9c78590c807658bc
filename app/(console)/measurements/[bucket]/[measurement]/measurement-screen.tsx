'use client';

import dynamic from 'next/dynamic';
import { useEffect, useRef, useState } from 'react';
import { Card } from '@/components/card';
import { ErrorPanel } from '@/components/error-panel';
import { FindingItem } from '@/components/finding-item';
import { MeasurementInsightView } from '@/components/measurement-insight';
import { errorDetail } from '@/lib/client/fetch-result';
import { formatCount, formatDay, formatNumber } from '@/lib/model/format';
import { useMeasurementDetail } from '@/lib/client/use-measurement-detail';
import { useUrlState } from '@/lib/client/use-url-state';
import { measurementQuery } from '@/lib/model/url-state';
import { LoadSampleButton } from '../../../load-sample-button';
import { LatestPoints } from './latest-points';
import { TagCounts } from './tag-counts';
import { RelativeTime } from '@/components/relative-time';

const MiniBars = dynamic(() => import('@/components/charts/mini-bars'), {
  ssr: false,
  loading: () => <p className="h-48 text-sm text-slate-600">Drawing chart…</p>,
});

/** The search box asks the server only once typing pauses. */
function useDebounced(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export function MeasurementScreen({ bucket, measurement }: { bucket: string; measurement: string }) {
  // The tag, the search and the page of points live in the URL: shareable, and Back returns to the last page.
  const [query, setQuery] = useUrlState(measurementQuery);
  const tag = query.tag || null;
  const page = query.page;
  const [text, setText] = useState(query.q);
  const search = useDebounced(text, 300);
  // The search box writes the URL once typing pauses; Back (the URL changing under it) writes the box.
  const [seen, setSeen] = useState(query.q);
  if (query.q !== seen) {
    setSeen(query.q);
    if (query.q !== search) setText(query.q);
  }
  const written = useRef(search);
  useEffect(() => {
    if (search === written.current) return;
    written.current = search;
    setQuery({ q: search }, 'replace');
  }, [search, setQuery]);
  const setTag = (t: string | null) => setQuery({ tag: t ?? '', page: 1 });
  const setPage = (p: number) => setQuery({ page: p });
  const { data, error, isPending, isFetching, isPlaceholderData } = useMeasurementDetail(bucket, measurement, { tag, search, page });
  return (
    <div className="space-y-5">
      {isPending ? <p className="text-sm text-slate-500">Counting records per day and per tag value, and reading the latest points…</p> : null}
      {error ? <ErrorPanel error={errorDetail(error)} /> : null}
      {data ? (
        <>
          <Card title="Summary" actions={isFetching ? <span className="text-xs text-slate-600">Refreshing…</span> : null}>
            <dl className="grid grid-cols-2 gap-4 text-sm [overflow-wrap:anywhere] sm:grid-cols-4">
              <div>
                <dt className="text-xs text-slate-500">Records</dt>
                <dd className="font-semibold tabular-nums" data-testid="measurement-records">
                  {formatNumber(data.records)}
                </dd>
              </div>
              <div>
                <dt className="text-xs text-slate-500">Detector</dt>
                <dd className="font-medium">{data.detector ?? 'not in the spec'}</dd>
              </div>
              <div>
                <dt className="text-xs text-slate-500">First · last point</dt>
                <dd className="font-medium">
                  {formatDay(data.firstTime)} · {formatDay(data.lastTime)}
                </dd>
              </div>
              <div>
                <dt className="text-xs text-slate-500">Tags · fields</dt>
                <dd className="font-mono text-xs">
                  {data.tagKeys.join(', ') || '—'}
                  <br />
                  {data.fieldKeys.join(', ') || '—'}
                </dd>
              </div>
            </dl>
          </Card>
          {data.records === 0 ? (
            <div className="rounded-xl border border-dashed border-indigo-300 bg-indigo-50 p-5 text-sm" data-testid="measurement-empty">
              <p className="mb-3">
                No point of {measurement} in {bucket} yet. {data.detector ? `${data.detector} writes it as HomeIQ runs; ` : ''}to explore the console now, load
                sample data (or run <code className="rounded bg-white px-1 font-mono text-xs">npm run --silent cli -- seed</code>).
              </p>
              <LoadSampleButton />
            </div>
          ) : (
            <>
              <Card title="Records per day">
                {data.perDay.length ? (
                  <MiniBars data={data.perDay.map((d) => ({ day: d.day, value: d.records }))} unit="records" height={200} axes testId="records-per-day" />
                ) : (
                  <p className="text-sm text-slate-500">No records in the retention window.</p>
                )}
              </Card>
              <Card title="Records per tag value">
                <TagCounts detail={data} tag={tag} onTag={setTag} search={text} onSearch={setText} stale={isPlaceholderData} />
              </Card>
              <Card title="Latest points, as stored">
                <LatestPoints detail={data} onPage={setPage} stale={isPlaceholderData} />
              </Card>
            </>
          )}
          <Card title="Insights">
            <div className="space-y-3" data-testid="measurement-insights">
              {data.insight ? (
                <MeasurementInsightView bucket={bucket} m={data.insight} link={false} />
              ) : (
                <p className="text-sm text-slate-500">The insights of {bucket} could not be computed just now; the Insights screen says why.</p>
              )}
              {data.findings.length ? (
                <ul className="space-y-2">
                  {data.findings.map((f) => (
                    <FindingItem key={`${f.kind}:${f.detail}`} finding={f} showWhere={false} />
                  ))}
                </ul>
              ) : (
                <p className="text-sm text-slate-500">No finding about {measurement}.</p>
              )}
              <p className="text-xs text-slate-600">
                Records {formatCount(data.records)} · counted <RelativeTime at={data.computedAt} />
              </p>
            </div>
          </Card>
        </>
      ) : null}
    </div>
  );
}
