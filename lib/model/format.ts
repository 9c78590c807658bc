/**
 * The one rule for times and numbers, on every screen, in the CLI and in the exports:
 * - numbers with thousands separators (12,345), percentages with no space (61%);
 * - an absolute time always in UTC and saying so ("2026-12-06 05:12:09 UTC");
 * - a relative time ("3 min ago") only beside the exact UTC instant (see components/relative-time.tsx).
 * Browser-safe: no zone or locale of the machine it runs on is ever used.
 */

/** 12,345; 0.5 → "0.5" with `digits`. */
export function formatNumber(n: number, digits = 0): string {
  if (!Number.isFinite(n)) return '—';
  return n.toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: digits });
}

/** A share as "61%": `ratio` 0.61. Fractions below 10% keep one decimal ("2.5%") unless `digits` says otherwise. */
export function formatPercent(ratio: number, digits?: number): string {
  if (!Number.isFinite(ratio)) return '—';
  const pct = ratio * 100;
  const d = digits ?? (Math.abs(pct) < 10 && pct !== 0 && !Number.isInteger(pct) ? 1 : 0);
  return `${formatNumber(Number(pct.toFixed(d)), d)}%`;
}

const toMs = (at: string | number | Date): number => (at instanceof Date ? at.getTime() : typeof at === 'number' ? at : Date.parse(at));

/** "2026-12-06 05:12:09 UTC" (or to the minute): every absolute time a person reads. "—" for none. */
export function formatUtc(at: string | number | Date | null | undefined, precision: 'second' | 'minute' = 'second'): string {
  if (at === null || at === undefined || at === '') return '—';
  const ms = toMs(at);
  if (!Number.isFinite(ms)) return '—';
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, precision === 'second' ? 19 : 16)} UTC`;
}

/** "2026-12-06 05:12:09Z": the same instant for a machine-read column (CSV), still UTC and saying so. */
export function formatUtcCell(at: string | number | Date | null | undefined): string {
  if (at === null || at === undefined || at === '') return '';
  const ms = toMs(at);
  return Number.isFinite(ms) ? new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z') : '';
}

/** "12 s ago", "4 min ago", "5 h ago", "3 days ago" ("in 2 min" for a time ahead of the clock). */
export function formatAgo(at: string | number | Date, now: number): string {
  const ms = toMs(at);
  if (!Number.isFinite(ms)) return '—';
  // A second ahead is the two clocks disagreeing, not the future.
  const diff = now - ms >= -1000 ? Math.max(0, now - ms) : now - ms;
  const s = Math.round(Math.abs(diff) / 1000);
  const text = s < 90 ? `${s} s` : s < 5400 ? `${Math.round(s / 60)} min` : s < 48 * 3600 ? `${Math.round(s / 3600)} h` : `${Math.round(s / 86_400)} days`;
  return diff >= 0 ? `${text} ago` : `in ${text}`;
}

/** Numbers for people: 12,345 up to a million, then 1.2 M, 3.4 G. */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return '—';
  const abs = Math.abs(n);
  if (abs >= 1e9) return `${(n / 1e9).toFixed(1)} G`;
  if (abs >= 1e6) return `${(n / 1e6).toFixed(1)} M`;
  return formatNumber(Math.round(n));
}

/** Bytes for people: 512 B, 1.5 KB, 12.3 MB (powers of 1024). */
export function formatBytes(n: number): string {
  if (!Number.isFinite(n)) return '—';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = n;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

/** The UTC day of an instant: "2026-12-06". */
export function formatDay(iso: string | null): string {
  if (!iso) return '—';
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : iso.slice(0, 10);
}

export function formatRatio(ratio: number | null): string {
  return ratio === null ? '—' : `${ratio.toFixed(ratio >= 10 ? 0 : 1)}×`;
}

/** A span for people: "45 s", "4 min", "5 h 56 min", "2 days 3 h". */
export function formatSpan(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return `${Math.max(0, Math.round(ms / 1000))} s`;
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} days ${hours % 24} h` : `${days} days`;
}

/**
 * "On disk" beside a record count: InfluxDB reports 0 bytes until it flushes its write cache, so
 * 0 beside records is pending, not empty.
 */
export function diskFigure(records: number | null, diskBytes: number | null): { value: string; hint?: string; pending: boolean } {
  if (diskBytes === null) return { value: '—', pending: false };
  if (diskBytes === 0 && records !== null && records > 0) return { value: 'pending', hint: 'until InfluxDB flushes its cache to disk', pending: true };
  return { value: formatBytes(diskBytes), pending: false };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const SECOND = 1000;
const STEPS = [
  5 * SECOND,
  10 * SECOND,
  15 * SECOND,
  30 * SECOND,
  MINUTE,
  5 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
  14 * DAY,
  30 * DAY,
  91 * DAY,
  365 * DAY,
];

/**
 * Ticks for a time axis from `min` to `max` (ms), at most `count`, on round UTC boundaries, and
 * their labels: "05:10:30" for steps under a minute, "05:10" within one day, "12-06 05:00" across days at hourly steps, "12-06" at daily
 * steps. Every label differs from the others: the step is never finer than what the label shows.
 */
export function timeTicks(min: number, max: number, count = 6): { ticks: number[]; label: (t: number) => string } {
  const span = Math.max(0, max - min);
  const step = STEPS.find((s) => span / s <= Math.max(1, count - 1)) ?? 365 * DAY;
  const first = Math.ceil(min / step) * step;
  const ticks: number[] = [];
  for (let t = first; t <= max && ticks.length < count + 1; t += step) ticks.push(t);
  const acrossDays = new Date(min).toISOString().slice(0, 10) !== new Date(max).toISOString().slice(0, 10);
  const label = (t: number) => {
    const iso = new Date(t).toISOString();
    if (step >= 365 * DAY) return iso.slice(0, 4);
    if (step >= DAY) return step >= 30 * DAY && new Date(min).getUTCFullYear() !== new Date(max).getUTCFullYear() ? iso.slice(0, 10) : iso.slice(5, 10);
    const clock = iso.slice(11, step < MINUTE ? 19 : 16);
    return acrossDays ? `${iso.slice(5, 10)} ${clock}` : clock;
  };
  return { ticks: ticks.length ? ticks : [min], label };
}
