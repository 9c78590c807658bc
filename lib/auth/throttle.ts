/**
 * Slows password guessing without locking the real admin out.
 *
 * - One key for the password login as a whole (the role a password is for is unknown until it is
 *   checked), plus one per client address, but only when a trusted reverse proxy reports that
 *   address (CONSOLE_TRUSTED_PROXY): a header a client sets itself is never a key.
 * - One verification at a time per key: parallel guesses queue behind each other.
 * - A correct password answers as soon as it is verified. A wrong one answers after the login's
 *   delay (250 ms doubling to 8 s, forgotten after 15 quiet minutes), so guessing in sequence is
 *   slow, while someone else's failures never delay the admin's correct sign-in.
 * - A client known by address also waits its own delay before its next guess is even verified.
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

export interface AttemptKeys {
  account: string;
  client?: string;
}

export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; last: number }>();
  private readonly locks = new Map<string, Promise<void>>();

  constructor(private readonly clock: Clock = realClock) {}

  /** How long the next failure of this key is held back: 0 at first, then 250 ms doubling up to 8 s. */
  delayMs(key: string): number {
    const f = this.failures.get(key);
    if (!f || this.clock.now() - f.last > FORGET_MS) return 0;
    return Math.min(MAX_MS, BASE_MS * 2 ** (f.count - 1));
  }

  failureCount(key: string): number {
    const f = this.failures.get(key);
    return f && this.clock.now() - f.last <= FORGET_MS ? f.count : 0;
  }

  private recordFailure(key: string): void {
    this.failures.set(key, { count: this.failureCount(key) + 1, last: this.clock.now() });
  }

  /** Runs `fn` once every earlier holder of `key` is done (a queue per key, not a refusal). */
  private async withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(key) ?? Promise.resolve();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous.then(() => gate);
    this.locks.set(key, tail);
    await previous;
    try {
      return await fn();
    } finally {
      release();
      if (this.locks.get(key) === tail) this.locks.delete(key);
    }
  }

  /** One sign-in attempt: `verify` answers the role (or anything) for a right password, null for a wrong one. */
  async attempt<T>(keys: AttemptKeys, verify: () => Promise<T | null>): Promise<T | null> {
    const run = async (): Promise<T | null> => {
      if (keys.client) await this.clock.sleep(this.delayMs(keys.client));
      const result = await this.withLock(keys.account, verify);
      if (result !== null) {
        if (keys.client) this.failures.delete(keys.client);
        return result;
      }
      const wait = this.delayMs(keys.account);
      this.recordFailure(keys.account);
      if (keys.client) this.recordFailure(keys.client);
      await this.clock.sleep(wait);
      return null;
    };
    return keys.client ? this.withLock(`client:${keys.client}`, run) : run();
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
  const chain = forwardedFor.split(',').map((s) => s.trim()).filter(Boolean);
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
