'use client';

import { Area, Bar, CartesianGrid, ComposedChart, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatBytes, formatCount, formatUtc, timeTicks } from '@/lib/model/format';
import type { BucketStorage } from '@/lib/model/storage';
import { colorAt } from './palette';

const tick = { fontSize: 11 };

/** The x axis of a time chart: round UTC ticks over the samples' own span, no two labels alike. */
function timeAxis(rows: Record<string, number>[]) {
  const ts = rows.map((r) => r.ts ?? 0);
  const { ticks, label } = timeTicks(Math.min(...ts), Math.max(...ts), 6);
  return { ticks, tickFormatter: label };
}
const utcLabel = (t: unknown) => formatUtc(Number(t));

/** Merges each bucket's samples into rows keyed by time, one column per bucket. */
function merge(buckets: BucketStorage[], pick: (s: BucketStorage['samples'][number]) => number) {
  const rows = new Map<number, Record<string, number>>();
  for (const b of buckets) for (const s of b.samples) rows.set(s.ts, { ...(rows.get(s.ts) ?? { ts: s.ts }), [b.name]: pick(s) });
  return [...rows.values()].sort((a, b) => (a.ts ?? 0) - (b.ts ?? 0));
}

export default function StorageCharts({ buckets }: { buckets: BucketStorage[] }) {
  const disk = merge(buckets, (s) => s.diskBytes);
  const series = merge(buckets, (s) => s.series);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Chart
        title="Bytes on disk per bucket (from /metrics samples)"
        testId="chart-disk"
        empty={disk.length === 0 ? 'No samples in this range yet: the console samples /metrics every minute while it runs.' : null}
      >
        <LineChart data={disk}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="ts" type="number" domain={['dataMin', 'dataMax']} {...timeAxis(disk)} interval={0} tick={tick} />
          <YAxis tickFormatter={(v: number) => formatBytes(v)} tick={tick} width={70} />
          <Tooltip labelFormatter={utcLabel} formatter={(v) => formatBytes(Number(v))} />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          {buckets.map((b, i) => (
            <Line key={b.name} dataKey={b.name} stroke={colorAt(i)} dot={false} isAnimationActive={false} connectNulls />
          ))}
        </LineChart>
      </Chart>
      <Chart title="Series cardinality over time" testId="chart-series" empty={series.length === 0 ? 'No samples in this range yet.' : null}>
        <LineChart data={series}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="ts" type="number" domain={['dataMin', 'dataMax']} {...timeAxis(series)} interval={0} tick={tick} />
          <YAxis tickFormatter={formatCount} tick={tick} />
          <Tooltip labelFormatter={utcLabel} formatter={(v) => formatCount(Number(v))} />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          {buckets.map((b, i) => (
            <Line key={b.name} dataKey={b.name} stroke={colorAt(i)} dot={false} isAnimationActive={false} connectNulls />
          ))}
        </LineChart>
      </Chart>
      {buckets.map((b, i) => (
        <Chart
          key={b.name}
          title={`${b.name}: records per day and cumulative (from the data)`}
          testId={`chart-records-${b.name}`}
          empty={b.recordsPerDay.length === 0 ? 'No records yet.' : null}
        >
          <ComposedChart data={b.recordsPerDay}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="day" tick={tick} minTickGap={24} />
            <YAxis yAxisId="day" tickFormatter={formatCount} tick={tick} />
            <YAxis yAxisId="total" orientation="right" tickFormatter={formatCount} tick={tick} />
            <Tooltip formatter={(v) => formatCount(Number(v))} />
            <Legend wrapperStyle={{ fontSize: 11 }} />
            <Bar yAxisId="day" dataKey="records" name="records per day" fill={colorAt(i)} isAnimationActive={false} />
            <Area
              yAxisId="total"
              dataKey="cumulative"
              name="cumulative"
              stroke="var(--chart-line)"
              fill="var(--chart-muted)"
              fillOpacity={0.4}
              isAnimationActive={false}
            />
          </ComposedChart>
        </Chart>
      ))}
    </div>
  );
}

function Chart({ title, testId, empty, children }: { title: string; testId: string; empty: string | null; children: React.ReactElement }) {
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-3" data-testid={testId}>
      <figcaption className="mb-2 text-xs font-medium text-slate-600">{title}</figcaption>
      <div className="h-56">
        {empty ? (
          <p className="flex h-full items-center justify-center text-center text-sm text-slate-600">{empty}</p>
        ) : (
          <ResponsiveContainer width="100%" height="100%">
            {children}
          </ResponsiveContainer>
        )}
      </div>
    </figure>
  );
}
