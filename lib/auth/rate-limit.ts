import { realClock, type Clock } from './throttle';

/**
 * A sliding window per key (a session): at most `limit` attempts in `windowMs`. What `tokens check`
 * on the screen uses, so a signed-in browser cannot turn the console into a token-guessing oracle.
 */
export class RateLimit {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly clock: Pick<Clock, 'now'> = realClock,
  ) {}

  /** Counts an attempt; `retryAfterMs` when the key is over its limit (that attempt is not counted). */
  take(key: string): { ok: true } | { ok: false; retryAfterMs: number } {
    const now = this.clock.now();
    const recent = (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      return { ok: false, retryAfterMs: this.windowMs - (now - (recent[0] ?? now)) };
    }
    recent.push(now);
    this.hits.set(key, recent);
    if (this.hits.size > 10_000) for (const [k, v] of this.hits) if (v.every((t) => now - t >= this.windowMs)) this.hits.delete(k);
    return { ok: true };
  }
}

/** Token diagnoses: 10 a minute per session. */
export const DIAGNOSE_LIMIT = 10;
export const DIAGNOSE_WINDOW_MS = 60_000;
