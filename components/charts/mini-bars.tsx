'use client';

import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCount } from '@/lib/model/format';

export interface MiniBarsProps {
  /** One bar per UTC day (or any label), oldest first. */
  data: { day: string; value: number }[];
  /** What a bar counts, for the tooltip ("series created", "records"). */
  unit: string;
  color?: string;
  /** Height in pixels: small on tiles, larger on a measurement's page. */
  height?: number;
  axes?: boolean;
  testId?: string;
}

/** A small per-day bar chart (series created, records written); loaded lazily with recharts. */
export default function MiniBars({ data, unit, color = '#4f46e5', height = 64, axes = false, testId }: MiniBarsProps) {
  const tick = { fontSize: 11 };
  return (
    <div style={{ height }} data-testid={testId}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ left: axes ? 8 : 0, right: axes ? 8 : 0, top: 2, bottom: 0 }}>
          <XAxis dataKey="day" hide={!axes} tick={tick} minTickGap={24} />
          <YAxis hide={!axes} tick={tick} tickFormatter={formatCount} />
          <Tooltip formatter={(v) => [formatCount(Number(v)), unit]} labelStyle={{ fontSize: 11 }} itemStyle={{ fontSize: 11 }} />
          <Bar dataKey="value" fill={color} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
