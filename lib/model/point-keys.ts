/**
 * Distinct points among line-protocol lines, in bounded memory. InfluxDB keeps one point per
 * (measurement, tag set, time): two lines of one point (one field each, as `data export` writes
 * them, or the same point written twice) are one point. A 53-bit hash of each key is held for the
 * last POINT_WINDOW to 2 × POINT_WINDOW distinct points (two generations, at most 200,000 numbers,
 * a few MB): a line is a new point unless its key was seen within that window.
 *
 * Exact when the lines of one point lie fewer than POINT_WINDOW distinct points apart. The export
 * writes the fields of a series one after another within each shard group, so that holds unless a
 * series has more than POINT_WINDOW points in one shard group; past that a point can be counted
 * twice (the count is then high, never above the lines). A hash collision (odds about 2e-11 per
 * line) counts a point as seen: one short.
 */
export const POINT_WINDOW = 100_000;

/** cyrb53: a fast 53-bit string hash (public domain), enough to tell 200,000 keys apart. */
export function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The identity of a series: measurement and tags sorted by key (as InfluxDB orders them), empty values left out. */
export function seriesKey(measurement: string, tags: readonly (readonly [string, string])[]): string {
  const sorted = tags.filter(([, v]) => v !== '').sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  let key = `${measurement.length}:${measurement}`;
  for (const [k, v] of sorted) key += `${k.length}:${k}${v.length}:${v}`;
  return key;
}

/** The identity of a point: its series (seriesKey) and time. */
export function pointKey(series: string, time: bigint | string): string {
  return `${series}@${String(time)}`;
}

export class RecentPoints {
  private current = new Set<number>();
  private previous = new Set<number>();

  constructor(private readonly window = POINT_WINDOW) {}

  /** True when the key is a point not seen within the window (count it), false for another line of one seen. */
  add(key: string): boolean {
    const h = hash53(key);
    if (this.current.has(h) || this.previous.has(h)) return false;
    this.current.add(h);
    if (this.current.size >= this.window) {
      this.previous = this.current;
      this.current = new Set();
    }
    return true;
  }

  /** Hashes held now: at most twice the window. */
  get held(): number {
    return this.current.size + this.previous.size;
  }
}
