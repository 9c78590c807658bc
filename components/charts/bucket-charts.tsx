'use client';

import { Area, AreaChart, Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCount } from '@/lib/client/format';
import type { BucketStats } from '@/lib/model/stats';
import type { Coverage } from '@/lib/stats/coverage';
import { colorAt } from './palette';

/** recharts for one bucket; loaded lazily so screens without charts stay light. */
export default function BucketCharts({ stats, cov }: { stats: BucketStats; cov: Coverage }) {
  const all = [...stats.measurements, ...stats.unexpected];
  const bars = all.map((m) => ({ name: m.name, records: m.records, series: m.series, expected: m.expectedRecords ?? 0 }));
  const names = all.filter((m) => m.records > 0).map((m) => m.name);
  const days = [...new Set(all.flatMap((m) => m.perDay.map((d) => d.day)))].sort();
  const perDay = days.map((day) => Object.fromEntries([['day', day], ...all.map((m) => [m.name, m.perDay.find((d) => d.day === day)?.records ?? 0])]));
  const retention = [{ name: stats.name, window: cov.windowDays ?? Math.max(cov.coveredDays, 1), covered: Math.round(cov.coveredDays * 10) / 10 }];
  const tick = { fontSize: 11 };
  return (
    <div className="grid gap-4 lg:grid-cols-2" data-testid={`charts-${stats.name}`}>
      <Chart title="Records per measurement (expected at full retention in grey)">
        <BarChart data={bars} margin={{ left: 8, right: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" tick={tick} interval={0} angle={-20} textAnchor="end" height={60} />
          <YAxis tick={tick} tickFormatter={formatCount} />
          <Tooltip formatter={(v) => formatCount(Number(v))} />
          <Bar dataKey="expected" fill="#cbd5e1" name="expected" isAnimationActive={false} />
          <Bar dataKey="records" fill="#4f46e5" name="records" isAnimationActive={false} />
        </BarChart>
      </Chart>
      <Chart title="Series cardinality per measurement">
        <BarChart data={bars} margin={{ left: 8, right: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" tick={tick} interval={0} angle={-20} textAnchor="end" height={60} />
          <YAxis tick={tick} tickFormatter={formatCount} />
          <Tooltip formatter={(v) => formatCount(Number(v))} />
          <Bar dataKey="series" fill="#0891b2" name="series" isAnimationActive={false} />
        </BarChart>
      </Chart>
      <Chart title="Records per day">
        <AreaChart data={perDay} margin={{ left: 8, right: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="day" tick={tick} minTickGap={24} />
          <YAxis tick={tick} tickFormatter={formatCount} />
          <Tooltip formatter={(v) => formatCount(Number(v))} />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          {names.map((n, i) => (
            <Area key={n} type="monotone" dataKey={n} stackId="1" stroke={colorAt(i)} fill={colorAt(i)} fillOpacity={0.6} isAnimationActive={false} />
          ))}
        </AreaChart>
      </Chart>
      <Chart title={cov.windowDays === null ? 'Retention: infinite (span of the data)' : `Retention window ${cov.windowDays}d: ${Math.round((cov.fill ?? 0) * 100)}% covered by data`}>
        <BarChart data={retention} layout="vertical" margin={{ left: 8, right: 16 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tick={tick} unit="d" domain={[0, 'dataMax']} />
          <YAxis type="category" dataKey="name" tick={tick} width={10} hide />
          <Tooltip formatter={(v) => `${Number(v)} days`} />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          <Bar dataKey="window" fill="#e2e8f0" name="retention window" barSize={22} isAnimationActive={false} />
          <Bar dataKey="covered" fill="#059669" name="span covered by data" barSize={22} isAnimationActive={false} />
        </BarChart>
      </Chart>
    </div>
  );
}

function Chart({ title, children }: { title: string; children: React.ReactElement }) {
  return (
    <figure className="rounded-lg border border-slate-200 p-3">
      <figcaption className="mb-2 text-xs font-medium text-slate-600">{title}</figcaption>
      <div className="h-56">
        <ResponsiveContainer width="100%" height="100%">
          {children}
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
