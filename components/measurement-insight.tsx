'use client';

import dynamic from 'next/dynamic';
import Link from 'next/link';
import { Badge } from '@/components/badge';
import { formatCount } from '@/lib/model/format';
import { CADENCE_TEXT, growthDriver } from '@/lib/client/insights-view';
import { measurementPagePath } from '@/lib/client/measurement-view';
import type { MeasurementInsight } from '@/lib/model/insights';

const MiniBars = dynamic(() => import('@/components/charts/mini-bars'), { ssr: false, loading: () => <p className="h-16 text-xs text-slate-600">Drawing…</p> });

const TOP_VALUES = 5;

/** One measurement's cardinality: series now and at full retention, new series per day, and the tag driving them. */
export function MeasurementInsightView({ bucket, m, link = true }: { bucket: string; m: MeasurementInsight; link?: boolean }) {
  const driver = growthDriver(m);
  return (
    <section className="rounded-lg border border-slate-200 p-4" data-testid={`insight-${m.name}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <div className="min-w-0 [overflow-wrap:anywhere]">
          {link ? (
            <Link href={measurementPagePath(bucket, m.name)} className="font-mono text-sm font-semibold text-indigo-700 underline">
              {m.name}
            </Link>
          ) : (
            <p className="font-mono text-sm font-semibold">{m.name}</p>
          )}
          <p className="text-xs text-slate-600">
            {m.detector ?? 'not in the spec'}
            {m.cadence ? ` · ${CADENCE_TEXT[m.cadence]}` : ''}
          </p>
        </div>
        {driver ? <Badge tone="amber">series grow with {driver.tag}</Badge> : m.series > 0 ? <Badge tone="green">series bounded</Badge> : null}
      </div>
      <dl className="mt-3 grid grid-cols-2 gap-3 text-sm">
        <div>
          <dt className="text-xs text-slate-500">Series now</dt>
          <dd className="font-semibold tabular-nums" data-testid="series-now">
            {formatCount(m.series)}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">At full retention</dt>
          <dd className="font-semibold tabular-nums" data-testid="series-projected">
            {formatCount(m.projectedSeries)}
          </dd>
        </div>
      </dl>
      {m.timeTag && m.seriesWithoutTimeTag !== undefined ? (
        <p className="mt-2 rounded bg-amber-50 px-2 py-1 text-xs text-amber-900" data-testid="series-without-time-tag">
          Without the <span className="font-mono">{m.timeTag}</span> tag (dropped or moved to a field): {formatCount(m.seriesWithoutTimeTag)} series at full
          retention instead of {formatCount(m.projectedSeries)}, the same points.
        </p>
      ) : null}
      <figure className="mt-3">
        <figcaption className="text-xs text-slate-500">New series per day</figcaption>
        {m.seriesPerDay.length ? (
          <MiniBars
            data={m.seriesPerDay.map((d) => ({ day: d.day, value: d.created }))}
            unit="series created"
            color={driver ? '#d97706' : '#0891b2'}
            testId="series-per-day"
          />
        ) : (
          <p className="py-3 text-xs text-slate-600">No series yet.</p>
        )}
      </figure>
      <div className="mt-3">
        <p className="text-xs text-slate-500">Distinct values per tag key</p>
        {m.drivers.length ? (
          <ul className="mt-1 space-y-1 text-sm">
            {m.drivers.map((d) => (
              <li
                key={d.tag}
                data-testid={`driver-${d.tag}`}
                data-grows={d.growsWithTime ? 'true' : 'false'}
                className={`rounded px-2 py-1 ${d.growsWithTime ? 'bg-amber-100 ring-1 ring-amber-300' : 'bg-slate-50'}`}
              >
                <span className="font-mono font-medium">{d.tag}</span>{' '}
                <span className="tabular-nums text-slate-600">· {formatCount(d.distinctValues)} values</span>
                {d.growsWithTime ? (
                  <span className="ml-1 text-xs font-semibold text-amber-800">· grows with time: every new period makes new series</span>
                ) : null}
                {d.topValues?.length ? (
                  <p className="mt-0.5 truncate font-mono text-xs text-slate-500" title={d.topValues.map((v) => `${v.value} (${v.series})`).join(', ')}>
                    {d.topValues
                      .slice(0, TOP_VALUES)
                      .map((v) => `${v.value} (${formatCount(v.series)})`)
                      .join(', ')}
                    {d.topValues.length > TOP_VALUES ? ', …' : ''}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-xs text-slate-600">No tags.</p>
        )}
      </div>
    </section>
  );
}
