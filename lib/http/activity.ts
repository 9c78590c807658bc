/**
 * When a person last used the console: a page they opened, an action or a change they sent.
 * Work the console does for itself waits for a quiet moment after it (lib/stats/behind.ts), so it
 * does not share the cores with a page being drawn. The screens' own polls (GETs of /api/) and
 * the container's healthcheck are not someone using it. Kept on globalThis: the proxy, which
 * sees every request, is bundled apart from the route handlers that read it.
 */
const KEY = Symbol.for('homeiq-influx-console.last-activity');

type Slot = Record<symbol, number | undefined>;

/** Whether a signed-in request is a person using the console, not a poll, an asset or a healthcheck. */
export function isPersonActivity(method: string, pathname: string): boolean {
  if (pathname.startsWith('/_next/') || /\.[A-Za-z0-9]+$/.test(pathname)) return false;
  if (pathname.startsWith('/api/')) return method !== 'GET' && method !== 'HEAD';
  return true;
}

export function noteActivity(method: string, pathname: string, now: number = Date.now()): void {
  if (isPersonActivity(method, pathname)) (globalThis as Slot)[KEY] = now;
}

/** The time of the last request that was a person using the console (0: none since start). */
export function lastActivity(): number {
  return (globalThis as Slot)[KEY] ?? 0;
}
