/**
 * Retention periods as people write them (`90d`, `12h`, `52w`, `7776000s`, `infinite`)
 * and as InfluxDB stores them (seconds; 0 means infinite). Same rules as the server:
 * infinite, or at least one hour.
 */
export const MIN_RETENTION_SECONDS = 3600;
/** 1000 years: far beyond any real retention, and safely inside an int64 of nanoseconds. */
export const MAX_RETENTION_SECONDS = 1000 * 365 * 86400;

const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 } as const;

export type RetentionParse = { ok: true; seconds: number } | { ok: false; message: string };

export function parseRetention(input: unknown): RetentionParse {
  if (typeof input === 'number') return checkSeconds(input, String(input));
  if (typeof input !== 'string') return { ok: false, message: 'Retention must be text such as 90d, 12h, 52w, 7776000s or infinite.' };
  const text = input.trim().toLowerCase();
  if (text === '') return { ok: false, message: 'Retention is required: for example 90d, or infinite.' };
  if (text === 'infinite' || text === 'inf' || text === '0' || text === '0s') return { ok: true, seconds: 0 };
  if (text.length > 40) return { ok: false, message: 'Retention is too long: write it like 90d, 12h or 52w.' };
  const seconds = durationTextSeconds(text);
  if (seconds === null) {
    return { ok: false, message: `"${input.slice(0, 40)}" is not a retention: use whole numbers with s, m, h, d or w (90d, 12h, 52w, 7776000s), or infinite.` };
  }
  return checkSeconds(seconds, input);
}

/** `90d`, `1d12h`, `3600` (bare seconds) as seconds; null when the text is not such a duration. Expects trimmed lower case. */
export function durationTextSeconds(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  const parts = text.match(/\d+[smhdw]/g);
  if (!parts || parts.join('') !== text) return null;
  let seconds = 0;
  for (const part of parts) {
    const unit = part.slice(-1) as keyof typeof UNIT_SECONDS;
    seconds += Number(part.slice(0, -1)) * UNIT_SECONDS[unit];
  }
  return seconds;
}

function checkSeconds(seconds: number, shown: string): RetentionParse {
  if (!Number.isFinite(seconds) || !Number.isInteger(seconds))
    return { ok: false, message: `Retention "${shown.slice(0, 40)}" must be a whole number of seconds.` };
  if (seconds < 0) return { ok: false, message: 'Retention cannot be negative.' };
  if (seconds === 0) return { ok: true, seconds: 0 };
  if (seconds < MIN_RETENTION_SECONDS) return { ok: false, message: `Retention must be at least 1h (or infinite); "${shown.slice(0, 40)}" is shorter.` };
  if (seconds > MAX_RETENTION_SECONDS) return { ok: false, message: 'Retention is longer than 1000 years: use infinite instead.' };
  return { ok: true, seconds };
}

/** `90d`, `365d`, `12h`, `infinite`: the largest unit that divides evenly, as the influx CLI shows. */
export function formatRetention(seconds: number): string {
  if (seconds === 0) return 'infinite';
  for (const [unit, size] of [
    ['d', 86400],
    ['h', 3600],
    ['m', 60],
  ] as const) {
    if (seconds % size === 0) return `${seconds / size}${unit}`;
  }
  return `${seconds}s`;
}

/** Infinite sorts after every finite retention. */
export function retentionSortKey(seconds: number): number {
  return seconds === 0 ? Number.POSITIVE_INFINITY : seconds;
}

/** True when going from `from` to `to` expires data that `from` keeps. */
export function shortensRetention(from: number, to: number): boolean {
  return retentionSortKey(to) < retentionSortKey(from);
}
