/**
 * Shares one computation among concurrent callers and reuses its result: fresh for `ttlMs`,
 * then served stale (up to `maxStaleMs`) while one background refresh runs. Fifty browsers
 * polling the same stats cost InfluxDB one query, and a slow count over a million series
 * never blocks a screen that has seen it once.
 */
export interface Memo<T> {
  (key: string, compute: () => Promise<T>): Promise<T>;
  /** Forgets everything: after a write the console made itself. */
  clear(): void;
  /** The last computed value, however old, without computing anything. */
  peek(key: string): T | undefined;
}

interface Entry<T> {
  at: number;
  value: Promise<T>;
  settled: boolean;
  refreshing: boolean;
  resolved?: T;
}

export function memoize<T>(ttlMs: number, maxStaleMs: number = 10 * 60_000, now: () => number = Date.now): Memo<T> {
  const entries = new Map<string, Entry<T>>();
  const start = (key: string, compute: () => Promise<T>): Entry<T> => {
    const entry: Entry<T> = { at: now(), value: compute(), settled: false, refreshing: false };
    entries.set(key, entry);
    entry.value.then(
      (v) => {
        entry.settled = true;
        entry.resolved = v;
      },
      // A failure is not remembered: the next caller tries again.
      () => {
        if (entries.get(key) === entry) entries.delete(key);
      },
    );
    return entry;
  };
  const memo = (key: string, compute: () => Promise<T>): Promise<T> => {
    const hit = entries.get(key);
    if (!hit) return start(key, compute).value;
    const age = now() - hit.at;
    if (!hit.settled || age < ttlMs) return hit.value;
    if (age >= maxStaleMs) return start(key, compute).value;
    if (!hit.refreshing) {
      hit.refreshing = true;
      const next = compute();
      next.then(
        (v) => {
          if (entries.get(key) === hit) entries.set(key, { at: now(), value: Promise.resolve(v), settled: true, refreshing: false, resolved: v });
        },
        () => {
          hit.refreshing = false;
        },
      );
    }
    return hit.value;
  };
  return Object.assign(memo, { clear: () => entries.clear(), peek: (key: string) => entries.get(key)?.resolved });
}

import { processCache } from '../process-cache';

export { forgetCachedReads, processCache } from '../process-cache';

/** One memo per process and name (see process-cache.ts), dropped with every cached read. */
export function processMemo<T>(name: string, ttlMs: number): Memo<T> {
  return processCache(name, () => memoize<T>(ttlMs));
}
