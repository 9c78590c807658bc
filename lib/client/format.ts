/** Numbers for people: 12,345 up to a million, then 1.2 M, 3.4 G. */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return '—';
  const abs = Math.abs(n);
  if (abs >= 1e9) return `${(n / 1e9).toFixed(1)} G`;
  if (abs >= 1e6) return `${(n / 1e6).toFixed(1)} M`;
  return Math.round(n).toLocaleString('en-US');
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

export function formatDay(iso: string | null): string {
  return iso ? iso.slice(0, 10) : '—';
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
