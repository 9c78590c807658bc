/**
 * One memo per process and name: Next.js bundles route handlers and server actions
 * separately, and a module-level value would exist once per bundle, so a write by an action
 * would not reach the cache a route reads.
 */
const REGISTRY = Symbol.for('homeiq-influx-console.memos');

interface Clearable {
  clear(): void;
}

function registry(): Map<string, Clearable> {
  const g = globalThis as Record<symbol, unknown>;
  if (!g[REGISTRY]) g[REGISTRY] = new Map<string, Clearable>();
  return g[REGISTRY] as Map<string, Clearable>;
}

/** Any cache kept once per process and dropped with the others by forgetCachedReads(). */
export function processCache<T extends Clearable>(name: string, make: () => T): T {
  const caches = registry();
  if (!caches.has(name)) caches.set(name, make());
  return caches.get(name) as T;
}

/** After the console itself wrote data: every cached read starts afresh. */
export function forgetCachedReads(): void {
  for (const cache of registry().values()) cache.clear();
}
