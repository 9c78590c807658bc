import type { LegendItem } from './bucket-chart-data';

/**
 * A chart's legend in plain HTML under the chart, in name order as recharts' own lists it. recharts'
 * <Legend> measures itself once drawn and lays the whole chart out again around it; this one takes
 * its place in the page's layout, and the chart is sized to what is left.
 */
export function ChartLegend({ items }: { items: readonly LegendItem[] }) {
  const sorted = [...items].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <ul className="flex flex-wrap justify-center gap-x-3 gap-y-0.5 pt-1 text-[11px] leading-4 text-slate-600">
      {sorted.map((item) => (
        <li key={item.name} className="flex items-center gap-1">
          <span className="inline-block h-2.5 w-2.5 rounded-sm" style={{ backgroundColor: item.color }} aria-hidden />
          {item.name}
        </li>
      ))}
    </ul>
  );
}
