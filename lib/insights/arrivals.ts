import type { Arrival } from './clock-offset';

/**
 * What the console's refreshes saw arrive, per bucket and measurement, kept in this process: the
 * newest point each refresh counted, and when. A newer point seen by a refresh arrived after the one
 * before it: that is what dates a write, whatever its stamp says (clock-offset.ts).
 */
interface Seen {
  lastTime: number;
  at: number;
  arrivals: Arrival[];
}

const KEEP = 20;
const STORE = Symbol.for('homeiq-influx-console.arrivals');

function store(): Map<string, Seen> {
  const g = globalThis as Record<symbol, unknown>;
  g[STORE] ??= new Map<string, Seen>();
  return g[STORE] as Map<string, Seen>;
}

const keyOf = (url: string, bucketId: string, measurement: string) => `${url}\u0000${bucketId}\u0000${measurement}`;

/** One refresh's newest point per measurement, seen at `now`. */
export function noteNewest(url: string, bucketId: string, measurements: readonly { name: string; lastTime: string | null }[], now: number): void {
  const seen = store();
  for (const m of measurements) {
    const last = m.lastTime ? Date.parse(m.lastTime) : Number.NaN;
    if (Number.isNaN(last)) continue;
    const key = keyOf(url, bucketId, m.name);
    const before = seen.get(key);
    const arrivals = before?.arrivals ?? [];
    if (before && last > before.lastTime) arrivals.push({ stampedAt: last, seenAt: now, notBefore: before.at });
    seen.set(key, { lastTime: Math.max(last, before?.lastTime ?? last), at: now, arrivals: arrivals.slice(-KEEP) });
  }
}

export function arrivalsOf(url: string, bucketId: string, measurement: string): readonly Arrival[] {
  return store().get(keyOf(url, bucketId, measurement))?.arrivals ?? [];
}
