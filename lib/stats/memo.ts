/**
 * Shares one computation among concurrent callers and reuses its result for `ttlMs`:
 * fifty browsers polling the same stats cost InfluxDB one query, not fifty.
 */
export interface Memo<T> {
  (key: string, compute: () => Promise<T>): Promise<T>;
  /** Forgets everything: after a write the console made itself. */
  clear(): void;
}

export function memoize<T>(ttlMs: number, now: () => number = Date.now): Memo<T> {
  const entries = new Map<string, { at: number; value: Promise<T> }>();
  const memo = (key: string, compute: () => Promise<T>): Promise<T> => {
    const hit = entries.get(key);
    if (hit && now() - hit.at < ttlMs) return hit.value;
    const value = compute();
    entries.set(key, { at: now(), value });
    // A failure is not remembered: the next caller tries again.
    value.catch(() => {
      if (entries.get(key)?.value === value) entries.delete(key);
    });
    return value;
  };
  return Object.assign(memo, { clear: () => entries.clear() });
}
