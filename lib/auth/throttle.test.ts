import { describe, expect, it } from 'vitest';
import { LOGIN_ACCOUNT, LoginThrottle, trustedClientAddress, type Clock } from './throttle';

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
  it('slows repeated failures 0, 250, 500, 1000 … up to 8 s', async () => {
    const clock = fakeClock();
    const t = new LoginThrottle(clock);
    for (let i = 0; i < 8; i++) expect(await t.attempt({ account: LOGIN_ACCOUNT }, wrong)).toBeNull();
    expect(clock.slept).toEqual([0, 250, 500, 1000, 2000, 4000, 8000, 8000]);
  });

  it("answers a correct password at once, whatever someone else's failures", async () => {
    const clock = fakeClock();
    const t = new LoginThrottle(clock);
    for (let i = 0; i < 10; i++) await t.attempt({ account: LOGIN_ACCOUNT }, wrong);
    clock.slept.length = 0;
    expect(await t.attempt({ account: LOGIN_ACCOUNT }, right)).toBe('admin');
    expect(clock.slept).toEqual([]);
    // The admin's sign-in does not reset the attacker's slow-down.
    expect(t.delayMs(LOGIN_ACCOUNT)).toBe(8000);
  });

  it('forgets failures after 15 quiet minutes', async () => {
    const clock = fakeClock();
    const t = new LoginThrottle(clock);
    for (let i = 0; i < 4; i++) await t.attempt({ account: LOGIN_ACCOUNT }, wrong);
    expect(t.delayMs(LOGIN_ACCOUNT)).toBe(2000);
    await clock.sleep(15 * 60_000 + 1);
    expect(t.delayMs(LOGIN_ACCOUNT)).toBe(0);
  });

  it('verifies one password at a time per account, however many arrive together', async () => {
    const t = new LoginThrottle(fakeClock());
    let running = 0;
    let most = 0;
    const verify = async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 2));
      running--;
      return null;
    };
    await Promise.all(Array.from({ length: 20 }, () => t.attempt({ account: LOGIN_ACCOUNT }, verify)));
    expect(most).toBe(1);
    expect(t.failureCount(LOGIN_ACCOUNT)).toBe(20);
  });

  it('makes a known client wait its own delay before its guess is even verified, and spares other clients', async () => {
    const clock = fakeClock();
    const t = new LoginThrottle(clock);
    for (let i = 0; i < 3; i++) await t.attempt({ account: LOGIN_ACCOUNT, client: '203.0.113.9' }, wrong);
    const verifiedAt: number[] = [];
    clock.slept.length = 0;
    await t.attempt({ account: LOGIN_ACCOUNT, client: '203.0.113.9' }, async () => {
      verifiedAt.push(clock.now());
      return null;
    });
    expect(clock.slept[0]).toBe(1000);
    clock.slept.length = 0;
    expect(await t.attempt({ account: LOGIN_ACCOUNT, client: '198.51.100.7' }, right)).toBe('admin');
    expect(clock.slept).toEqual([0]);
    expect(t.delayMs('203.0.113.9')).toBe(2000);
    expect(t.delayMs('198.51.100.7')).toBe(0);
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
