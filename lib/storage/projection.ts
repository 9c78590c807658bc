import type { Crossing, MeasuredGrowth, Projection } from '../model/storage';

export type { Crossing, MeasuredGrowth, Projection };
/**
 * Growth and projection arithmetic for a bucket. At steady state a bucket holds one retention
 * window of data: projected size = ingest rate × window. Pure functions, no I/O.
 */
const DAY_MS = 86_400_000;
import { formatNumber } from '../model/format';
import { plural } from '../model/plural';

export interface TimedValue {
  t: number;
  v: number;
}

/** Least-squares slope per day; null with fewer than two samples or less than a minute between them. */
export function slopePerDay(points: readonly TimedValue[]): number | null {
  if (points.length < 2) return null;
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last || last.t - first.t < 60_000) return null;
  const n = points.length;
  const mt = points.reduce((s, p) => s + p.t, 0) / n;
  const mv = points.reduce((s, p) => s + p.v, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.t - mt) * (p.v - mv);
    den += (p.t - mt) ** 2;
  }
  return den === 0 ? null : (num / den) * DAY_MS;
}

/** Records a day over the most recent `lookbackDays` days of data (bursty weekly and monthly writes average out). */
export function recordsRatePerDay(perDay: readonly { day: string; records: number }[], now: number, lookbackDays = 28): number | null {
  if (perDay.length === 0) return null;
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  const firstDay = Math.min(...perDay.map((d) => Date.parse(`${d.day}T00:00:00Z`)));
  // The last `span` whole days, today included.
  const span = Math.min(lookbackDays, Math.max(1, Math.round((today - firstDay) / DAY_MS) + 1));
  const from = today - (span - 1) * DAY_MS;
  const recent = perDay.filter((d) => Date.parse(`${d.day}T00:00:00Z`) >= from).reduce((s, d) => s + d.records, 0);
  return recent / span;
}

/**
 * Disk growth is measured from /metrics samples only once they span this long: over a few minutes
 * a cache flush or a compaction reads as gigabytes a day.
 */
export const MIN_GROWTH_SPAN_MS = 6 * 3_600_000;

/** Growth per day from samples, only once they span enough time to say it, with the span it rests on. */
export function measuredGrowth(points: readonly TimedValue[], minSpanMs = MIN_GROWTH_SPAN_MS): MeasuredGrowth {
  const first = points[0];
  const last = points[points.length - 1];
  const spanMs = first && last ? Math.max(0, last.t - first.t) : 0;
  const pendingMs = Math.max(0, minSpanMs - spanMs);
  return { perDay: pendingMs > 0 ? null : slopePerDay(points), spanMs, pendingMs, minSpanMs };
}

export interface ProjectionInput {
  now: number;
  windowDays: number | null;
  records: number;
  recordsPerDay: number | null;
  diskBytes: number | null;
  estimatedRecords: number | null;
  budget: { maxBytes: number | null; maxRecords: number | null };
}

function crossing(
  kind: Crossing['kind'],
  budget: number | null,
  current: number | null,
  perDay: number | null,
  steady: number | null,
  now: number,
): Crossing | null {
  if (budget === null || current === null) return null;
  if (current >= budget) return { kind, budget, date: 'now', withinDays: 0 };
  // Growth stops once the window is full: a budget above the steady state is never reached.
  if (!perDay || perDay <= 0 || (steady !== null && steady < budget)) return { kind, budget, date: null, withinDays: null };
  const days = (budget - current) / perDay;
  return { kind, budget, date: new Date(now + days * DAY_MS).toISOString().slice(0, 10), withinDays: days };
}

export function project(input: ProjectionInput): Projection {
  const { now, windowDays, records, recordsPerDay, diskBytes, estimatedRecords, budget } = input;
  // 0 bytes beside records is InfluxDB not having flushed its cache yet, not records that weigh nothing.
  const bytesPerRecord = diskBytes !== null && diskBytes > 0 && records > 0 ? diskBytes / records : null;
  const bytesPerDay = recordsPerDay !== null && bytesPerRecord !== null ? recordsPerDay * bytesPerRecord : null;
  const recordsAtFullWindow = windowDays !== null && recordsPerDay !== null ? Math.max(records, recordsPerDay * windowDays) : null;
  const bytesAtFullWindow = recordsAtFullWindow !== null && bytesPerRecord !== null ? recordsAtFullWindow * bytesPerRecord : null;
  const estimateRatio = recordsAtFullWindow !== null && estimatedRecords ? recordsAtFullWindow / estimatedRecords : null;
  const crossings = [
    crossing('records', budget.maxRecords, records, recordsPerDay, recordsAtFullWindow, now),
    crossing('bytes', budget.maxBytes, diskBytes, bytesPerDay, bytesAtFullWindow, now),
  ].filter((c): c is Crossing => c !== null);
  const warnings: string[] = [];
  if (estimateRatio !== null && estimateRatio > 2) {
    warnings.push(
      `Growth runs at ${estimateRatio.toFixed(1)}× the seed's estimate: ~${plural(Math.round(recordsAtFullWindow ?? 0), 'record')} at full retention against ~${formatNumber(estimatedRecords ?? 0)}.`,
    );
  }
  for (const c of crossings) {
    if (c.date === 'now') warnings.push(`Already over the ${c.kind} budget.`);
    else if (c.withinDays !== null && c.withinDays <= 30)
      warnings.push(`The ${c.kind} budget will be crossed in ${Math.max(0, Math.ceil(c.withinDays))} days (${c.date}).`);
  }
  return { recordsPerDay, bytesPerDay, bytesPerRecord, recordsAtFullWindow, bytesAtFullWindow, estimateRatio, crossings, warnings };
}
