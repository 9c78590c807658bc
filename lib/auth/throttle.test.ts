import { describe, expect, it } from 'vitest';
import { LOGIN_ACCOUNT, LoginThrottle, MAX_WAITING, trustedClientAddress, type AttemptResult, type Clock } from './throttle';

/** A clock that only moves when someone sleeps: waits are measured, not waited. */
function fakeClock(): Clock & { slept: number[] } {
  let t = 1_000_000;
  const slept: number[] = [];
  return {
    slept,
    now: () => t,
    sleep: async (ms) => {
      slept.push(ms);
      t += ms;
      await Promise.resolve();
    },
  };
}

const wrong = async () => null;
const right = async () => 'admin' as const;

describe('LoginThrottle', () => {
  const value = async (p: Promise<AttemptResult<unknown>>) => {
    const r = await p;
    return r.ok ? r.value : r.reason;
  };

  it('holds the pool 250, 500, 1000 … up to 8 s after each wrong password', async () => {
    const clock = fakeClock();
    const t = new LoginThrottle(clock);
    for (let i = 0; i < 8; i++) expect(await value(t.attempt({ account: LOGIN_ACCOUNT }, wrong))).toBe('wrong');
    expect(clock.slept).toEqual([250, 500, 1000, 2000, 4000, 8000, 8000, 8000]);
  });

  it('serves the delay before the next guess is verified: parallel guesses go no faster than sequential ones', async () => {
    const clock = fakeClock();
    const t = new LoginThrottle(clock);
    const verifiedAt: number[] = [];
    const verify = async () => {
      verifiedAt.push(clock.now());
      return null;
    };
    await Promise.all(Array.from({ length: MAX_WAITING }, () => t.attempt({ account: LOGIN_ACCOUNT }, verify)));
    // Each verification waits for the delay the one before it earned.
    expect(verifiedAt.map((at) => at - (verifiedAt[0] ?? 0))).toEqual([0, 250, 750, 1750]);
  });

  it('verifies one password at a time per pool, and refuses past the queue bound without verifying', async () => {
    const t = new LoginThrottle(fakeClock());
    let running = 0;
    let most = 0;
    let verified = 0;
    const verify = async () => {
      running++;
      verified++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 2));
      running--;
      return null;
    };
    const results = await Promise.all(Array.from({ length: 60 }, () => t.attempt({ account: LOGIN_ACCOUNT }, verify)));
    expect(most).toBe(1);
    expect(verified).toBe(MAX_WAITING);
    const busy = results.filter((r) => !r.ok && r.reason === 'busy');
    expect(busy).toHaveLength(60 - MAX_WAITING);
    expect(busy[0]).toMatchObject({ retryAfterMs: expect.any(Number) });
  });

  it("answers a known device's correct password at once, whatever the flood in the shared pool", async () => {
    const clock = fakeClock();
    const t = new LoginThrottle(clock);
    let release: () => void = () => undefined;
    const stuck = new Promise<null>((r) => (release = () => r(null)));
    const flood = Array.from({ length: 10 }, () => t.attempt({ account: LOGIN_ACCOUNT }, () => stuck));
    const started = clock.now();
    expect(await value(t.attempt({ account: LOGIN_ACCOUNT, device: 'd1' }, right))).toBe('admin');
    expect(clock.now() - started).toBe(0);
    release();
    await Promise.all(flood);
    // The admin's sign-in does not lift the attacker's slow-down (4 guesses queued, 6 refused as busy).
    expect(t.failureCount(LOGIN_ACCOUNT)).toBe(MAX_WAITING);
    expect(t.delayMs(LOGIN_ACCOUNT)).toBe(4000);
  });

  it('forgets failures after 15 quiet minutes', async () => {
    const clock = fakeClock();
    const t = new LoginThrottle(clock);
    for (let i = 0; i < 4; i++) await t.attempt({ account: LOGIN_ACCOUNT }, wrong);
    expect(t.delayMs(LOGIN_ACCOUNT)).toBe(4000);
    await clock.sleep(15 * 60_000 + 1);
    expect(t.delayMs(LOGIN_ACCOUNT)).toBe(250);
  });

  it('gives a client known by a trusted address its own pool, sparing other clients', async () => {
    const clock = fakeClock();
    const t = new LoginThrottle(clock);
    for (let i = 0; i < 3; i++) await t.attempt({ account: LOGIN_ACCOUNT, client: '203.0.113.9' }, wrong);
    clock.slept.length = 0;
    expect(await value(t.attempt({ account: LOGIN_ACCOUNT, client: '198.51.100.7' }, right))).toBe('admin');
    expect(clock.slept).toEqual([]);
    expect(t.delayMs(LoginThrottle.poolOf({ account: LOGIN_ACCOUNT, client: '203.0.113.9' }))).toBe(2000);
  });
});

describe('trustedClientAddress', () => {
  it('ignores X-Forwarded-For unless a trusted proxy is configured', () => {
    expect(trustedClientAddress('203.0.113.9', undefined)).toBeUndefined();
    expect(trustedClientAddress('203.0.113.9', '')).toBeUndefined();
    expect(trustedClientAddress('203.0.113.9', 'yes')).toBeUndefined();
    expect(trustedClientAddress(null, '1')).toBeUndefined();
  });
  it('takes the address the trusted proxy appended, not what the client wrote before it', () => {
    expect(trustedClientAddress('1.2.3.4, 203.0.113.9', '1')).toBe('203.0.113.9');
    expect(trustedClientAddress('1.2.3.4, 203.0.113.9, 10.0.0.2', '2')).toBe('203.0.113.9');
    expect(trustedClientAddress('203.0.113.9', '2')).toBeUndefined();
  });
});
