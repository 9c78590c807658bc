/**
 * Slows password guessing without locking the real admin out.
 *
 * - Attempts queue in a pool and are verified one at a time. A wrong password holds the pool for the
 *   login's delay (250 ms doubling to 8 s, forgotten after 15 quiet minutes) before the next attempt
 *   is even verified: parallel guesses go no faster than guesses in sequence.
 * - A pool's queue is bounded: past `MAX_WAITING`, an attempt is refused at once as busy (nothing is
 *   verified, nothing waits), so a flood costs neither CPU nor memory.
 * - A browser that signed in before carries a signed device cookie, and its attempts use a pool of
 *   their own (OWASP's "device cookies"): someone else's flood of wrong guesses never queues the
 *   admin's correct one. Anyone else shares one pool, whatever address or header they send.
 * - A client known by address (behind CONSOLE_TRUSTED_PROXY) also has a pool of its own, so one
 *   guessing address does not queue other addresses.
 */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export const LOGIN_ACCOUNT = 'password-login';
const BASE_MS = 250;
const MAX_MS = 8_000;
const FORGET_MS = 15 * 60_000;
/** Attempts waiting in one pool at most; more are refused as busy. */
export const MAX_WAITING = 4;
/** Pools kept at most (a pool is dropped once it is idle and its failures are forgotten). */
const MAX_POOLS = 10_000;

export interface AttemptKeys {
  account: string;
  client?: string;
  /** The ID of a device cookie the console signed: that browser signed in before. */
  device?: string;
}

export type AttemptResult<T> = { ok: true; value: T } | { ok: false; reason: 'wrong' } | { ok: false; reason: 'busy'; retryAfterMs: number };

interface Pool {
  tail: Promise<void>;
  waiting: number;
  failures: number;
  last: number;
}

export class LoginThrottle {
  private readonly pools = new Map<string, Pool>();

  constructor(private readonly clock: Clock = realClock) {}

  private pool(key: string): Pool {
    let p = this.pools.get(key);
    if (!p) {
      if (this.pools.size >= MAX_POOLS) this.sweep();
      p = { tail: Promise.resolve(), waiting: 0, failures: 0, last: 0 };
      this.pools.set(key, p);
    }
    return p;
  }

  private sweep(): void {
    const now = this.clock.now();
    for (const [key, p] of this.pools) if (p.waiting === 0 && now - p.last > FORGET_MS) this.pools.delete(key);
  }

  failureCount(key: string): number {
    const p = this.pools.get(key);
    return p && this.clock.now() - p.last <= FORGET_MS ? p.failures : 0;
  }

  /** How long the next failure in this pool holds it: 250 ms at first, doubling up to 8 s. */
  delayMs(key: string): number {
    return Math.min(MAX_MS, BASE_MS * 2 ** this.failureCount(key));
  }

  /** The pool an attempt queues in: its device's, its trusted address's, or the one everyone else shares. */
  static poolOf(keys: AttemptKeys): string {
    if (keys.device) return `device:${keys.device}`;
    if (keys.client) return `client:${keys.client}`;
    return keys.account;
  }

  /** One sign-in attempt: `verify` answers the role (or anything) for a right password, null for a wrong one. */
  async attempt<T>(keys: AttemptKeys, verify: () => Promise<T | null>): Promise<AttemptResult<T>> {
    const key = LoginThrottle.poolOf(keys);
    const p = this.pool(key);
    if (p.waiting >= MAX_WAITING) return { ok: false, reason: 'busy', retryAfterMs: p.waiting * this.delayMs(key) };
    p.waiting++;
    const previous = p.tail;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    p.tail = previous.then(() => gate);
    try {
      await previous;
      const value = await verify();
      // A right password does not reset the pool: the admin's sign-in never lifts an attacker's slow-down.
      if (value !== null) return { ok: true, value };
      // The delay is served while holding the pool: the next guess is verified only after it.
      const wait = this.delayMs(key);
      p.failures = this.failureCount(key) + 1;
      p.last = this.clock.now();
      await this.clock.sleep(wait);
      return { ok: false, reason: 'wrong' };
    } finally {
      p.waiting--;
      release();
    }
  }
}

/**
 * The client's address when the console sits behind a reverse proxy it trusts: CONSOLE_TRUSTED_PROXY
 * is the number of proxies in front (`1` for one), each appending to X-Forwarded-For; the entry that
 * many from the right is the one the outermost proxy saw. Unset: no per-client key at all.
 */
export function trustedClientAddress(forwardedFor: string | null, trustedProxies: string | undefined): string | undefined {
  const hops = Number(trustedProxies);
  if (!trustedProxies || !Number.isInteger(hops) || hops < 1 || !forwardedFor) return undefined;
  const chain = forwardedFor
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const address = chain[chain.length - hops];
  return address && address.length <= 100 ? address : undefined;
}

const KEY = Symbol.for('homeiq-influx-console.login-throttle');

/** The console's one throttle, shared by every bundle of the process. */
export function loginThrottle(): LoginThrottle {
  const g = globalThis as Record<symbol, unknown>;
  if (!g[KEY]) g[KEY] = new LoginThrottle();
  return g[KEY] as LoginThrottle;
}
