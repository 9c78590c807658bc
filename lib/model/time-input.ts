/**
 * Times typed by a person or a script: RFC 3339 (any offset, up to nanoseconds) or a bare date
 * (midnight UTC). Kept in nanoseconds, so a range edge is exactly the one asked for.
 */
export interface Instant {
  /** Nanoseconds since the Unix epoch. */
  ns: bigint;
  /** The same instant as RFC 3339 in UTC, with nanoseconds only when they are not zero. */
  iso: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?([Zz]|[+-]\d{2}:\d{2})$/;

/** InfluxDB's own limits (models.MinNanoTime, models.MaxNanoTime). */
export const MIN_NS = -9_223_372_036_854_775_806n;
export const MAX_NS = 9_223_372_036_854_775_806n;

export type ParsedInstant = { ok: true; instant: Instant } | { ok: false; message: string };

export function instantOf(ns: bigint): Instant {
  const ms = ns / 1_000_000n - (ns % 1_000_000n < 0n ? 1n : 0n);
  const rest = ns - ms * 1_000_000n;
  const base = new Date(Number(ms)).toISOString(); // …SS.mmmZ
  const nanos = base.slice(20, 23) + rest.toString().padStart(6, '0');
  const fraction = nanos.replace(/0+$/, '');
  return { ns, iso: `${base.slice(0, 19)}${fraction ? `.${fraction}` : ''}Z` };
}

export function parseInstant(text: string): ParsedInstant {
  const value = text.trim();
  const bad = {
    ok: false as const,
    message: `"${text}" is not a time: use RFC 3339 such as 2026-11-01T00:00:00Z, or a date such as 2026-11-01 (midnight UTC).`,
  };
  const date = DATE.exec(value);
  const full = date ? null : RFC3339.exec(value);
  if (!date && !full) return bad;
  const parts = (date ?? full ?? []).slice(1, 7).map((p) => (p === undefined ? 0 : Number(p)));
  const [y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0] = parts;
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(ms);
  // Date.UTC rolls 2026-02-31 over to March: a date that does not exist is refused, not moved.
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return bad;
  let ns = BigInt(ms) * 1_000_000n;
  if (full) {
    ns += BigInt((full[7] ?? '').padEnd(9, '0') || '0');
    const offset = full[8] ?? 'Z';
    if (offset !== 'Z' && offset !== 'z') {
      const sign = offset.startsWith('-') ? -1n : 1n;
      const [oh = 0, om = 0] = offset.slice(1).split(':').map(Number);
      ns -= sign * BigInt(oh * 3600 + om * 60) * 1_000_000_000n;
    }
  }
  if (ns < MIN_NS || ns > MAX_NS) return { ok: false, message: `"${text}" is outside the times InfluxDB can store (1677-09-21 to 2262-04-11).` };
  return { ok: true, instant: instantOf(ns) };
}
