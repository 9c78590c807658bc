import { describe, expect, it } from 'vitest';
import { RateLimit } from './rate-limit';

describe('RateLimit', () => {
  it('allows the limit within the window, refuses the next with the wait, and allows again once the window slid', () => {
    let now = 1_000_000;
    const limit = new RateLimit(3, 60_000, { now: () => now });
    expect([limit.take('a'), limit.take('a'), limit.take('a')].every((r) => r.ok)).toBe(true);
    now += 10_000;
    expect(limit.take('a')).toEqual({ ok: false, retryAfterMs: 50_000 });
    // Another session is not held back by this one.
    expect(limit.take('b').ok).toBe(true);
    now += 50_000;
    expect(limit.take('a').ok).toBe(true);
  });
});
