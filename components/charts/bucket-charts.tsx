'use client';

import { createContext, memo, useContext, useMemo, useState, type ReactElement } from 'react';
import { Area, AreaChart, Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, useChartWidth, XAxis, YAxis } from 'recharts';
import { formatCount } from '@/lib/model/format';
import type { MeasurementStats } from '@/lib/model/stats';
import type { Coverage } from '@/lib/model/stats';
import { AxisTick } from './axis-tick';
import { bucketChartData, DAY_LABEL_PX, dayTicks, type LegendItem } from './bucket-chart-data';
import { ChartLegend } from './chart-legend';

// recharts compares props by reference: props made once do not make it work out a chart again.
/** 10 px on top: the top label of a vertical axis, centred on its line, stays inside the chart. */
const MARGIN = { top: 10, left: 8, right: 8 };
/** Half a day label on the right: the latest day's label, centred on the last point, stays inside the chart. */
const DAY_MARGIN = { top: 10, left: 8, right: DAY_LABEL_PX / 2 };
const RETENTION_MARGIN = { left: 8, right: 16 };
const RETENTION_DOMAIN: [number, 'dataMax'] = [0, 'dataMax'];
/** recharts' default width of a vertical axis, set on the day chart because its labels are laid out from it. */
const Y_AXIS_PX = 60;
const RETENTION_LEGEND: LegendItem[] = [
  { name: 'retention window', color: 'var(--chart-muted)' },
  { name: 'span covered by data', color: '#059669' },
];
const countTip = (v: unknown) => formatCount(Number(v));
const daysTip = (v: unknown) => `${Number(v)} days`;
const inDays = (v: unknown) => `${Number(v)}d`;
// A grid draws lines along one axis only here: the other direction's lines are not worked out at all.
const noLines = () => [];

export interface BucketChartsProps {
  name: string;
  measurements: MeasurementStats[];
  unexpected: MeasurementStats[];
  cov: Coverage;
}

/** recharts for one bucket; memoised, so a poll that brings the same figures does not draw it again. */
function BucketCharts({ name, measurements, unexpected, cov }: BucketChartsProps) {
  const { bars, stacked, days, perDay, retention } = useMemo(
    () => bucketChartData({ name, measurements, unexpected }, cov),
    [name, measurements, unexpected, cov],
  );
  return (
    <div className="grid gap-4 lg:grid-cols-2" data-testid={`charts-${name}`}>
      <Chart title="Records per measurement (expected at full retention in grey)">
        <BarChart data={bars} margin={MARGIN}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} verticalCoordinatesGenerator={noLines} />
          <XAxis dataKey="name" tick={AxisTick} interval={0} angle={-20} textAnchor="end" height={60} />
          <YAxis tick={AxisTick} tickFormatter={formatCount} interval={0} />
          <HoverTooltip formatter={countTip} />
          <Bar dataKey="expected" fill="var(--chart-muted)" name="expected" isAnimationActive={false} />
          <Bar dataKey="records" fill="#4f46e5" name="records" isAnimationActive={false} />
        </BarChart>
      </Chart>
      <Chart title="Series cardinality per measurement">
        <BarChart data={bars} margin={MARGIN}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} verticalCoordinatesGenerator={noLines} />
          <XAxis dataKey="name" tick={AxisTick} interval={0} angle={-20} textAnchor="end" height={60} />
          <YAxis tick={AxisTick} tickFormatter={formatCount} interval={0} />
          <HoverTooltip formatter={countTip} />
          <Bar dataKey="series" fill="#0891b2" name="series" isAnimationActive={false} />
        </BarChart>
      </Chart>
      <Chart title="Records per day" legend={stacked}>
        <AreaChart data={perDay} margin={DAY_MARGIN}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} verticalCoordinatesGenerator={noLines} />
          <DayAxis days={days} />
          <YAxis tick={AxisTick} tickFormatter={formatCount} interval={0} width={Y_AXIS_PX} />
          <HoverTooltip formatter={countTip} />
          {stacked.map(({ name: n, color }) => (
            <Area key={n} type="monotone" dataKey={n} stackId="1" stroke={color} fill={color} fillOpacity={0.6} isAnimationActive={false} />
          ))}
        </AreaChart>
      </Chart>
      <Chart
        title={
          cov.windowDays === null
            ? 'Retention: infinite (span of the data)'
            : `Retention window ${cov.windowDays}d: ${Math.round((cov.fill ?? 0) * 100)}% covered by data`
        }
        legend={RETENTION_LEGEND}
      >
        <BarChart data={retention} layout="vertical" margin={RETENTION_MARGIN}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} horizontalCoordinatesGenerator={noLines} />
          <XAxis type="number" tick={AxisTick} tickFormatter={inDays} domain={RETENTION_DOMAIN} interval={0} />
          <YAxis type="category" dataKey="name" width={10} interval={0} hide />
          <HoverTooltip formatter={daysTip} />
          <Bar dataKey="window" fill="var(--chart-muted)" name="retention window" barSize={22} isAnimationActive={false} />
          <Bar dataKey="covered" fill="#059669" name="span covered by data" barSize={22} isAnimationActive={false} />
        </BarChart>
      </Chart>
    </div>
  );
}

export default memo(BucketCharts);

/** The day axis of "Records per day": labels chosen for the chart's width instead of measured one by one. */
function DayAxis({ days }: { days: string[] }) {
  const width = useChartWidth() ?? 0;
  const ticks = useMemo(() => dayTicks(days, width - DAY_MARGIN.left - DAY_MARGIN.right - Y_AXIS_PX), [days, width]);
  return <XAxis dataKey="day" tick={AxisTick} ticks={ticks} interval={0} />;
}

/** Whether a chart has been pointed at or focused yet. */
const Touched = createContext(false);

/** recharts' tooltip, set up once its chart is first pointed at or focused: eight set up at first paint cost about a tenth of the draw. */
function HoverTooltip({ formatter }: { formatter: (v: unknown) => string }) {
  return useContext(Touched) ? <Tooltip formatter={formatter} /> : null;
}

function Chart({ title, legend, children }: { title: string; legend?: readonly LegendItem[]; children: ReactElement }) {
  const [touched, setTouched] = useState(false);
  const touch = () => setTouched(true);
  return (
    <figure className="rounded-lg border border-slate-200 p-3" onPointerEnter={touch} onFocus={touch}>
      <figcaption className="mb-2 text-xs font-medium text-slate-600">{title}</figcaption>
      <div className="flex h-56 flex-col">
        <div className="min-h-0 flex-1">
          <Touched.Provider value={touched}>
            <ResponsiveContainer width="100%" height="100%">
              {children}
            </ResponsiveContainer>
          </Touched.Provider>
        </div>
        {legend ? <ChartLegend items={legend} /> : null}
      </div>
    </figure>
  );
}
