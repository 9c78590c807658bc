/** Slows repeated failed logins down: each failure from an address doubles its wait, up to 8 s. */
const KEY = Symbol.for('homeiq-influx-console.login-failures');

type Failures = Map<string, { count: number; last: number }>;

function failures(): Failures {
  const g = globalThis as Record<symbol, unknown>;
  if (!g[KEY]) g[KEY] = new Map();
  return g[KEY] as Failures;
}

export function loginDelayMs(address: string, now: number = Date.now()): number {
  const f = failures().get(address);
  if (!f || now - f.last > 15 * 60_000) return 0;
  return Math.min(8_000, 250 * 2 ** (f.count - 1));
}

export function recordLoginFailure(address: string, now: number = Date.now()): void {
  const f = failures().get(address);
  failures().set(address, { count: (f && now - f.last <= 15 * 60_000 ? f.count : 0) + 1, last: now });
}

export function clearLoginFailures(address: string): void {
  failures().delete(address);
}
