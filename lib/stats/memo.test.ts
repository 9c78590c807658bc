import { describe, expect, it } from 'vitest';
import { memoize } from './memo';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('memoize', () => {
  it('shares one computation between concurrent callers and reuses it while fresh', async () => {
    let clock = 0;
    let calls = 0;
    const memo = memoize<number>(1000, 60_000, () => clock);
    const compute = async () => ++calls;
    expect(await Promise.all([memo('a', compute), memo('a', compute), memo('a', compute)])).toEqual([1, 1, 1]);
    clock = 999;
    expect(await memo('a', compute)).toBe(1);
    expect(await memo('b', compute)).toBe(2);
  });

  it('serves a stale value at once and refreshes it in the background, once', async () => {
    let clock = 0;
    let calls = 0;
    const memo = memoize<number>(1000, 60_000, () => clock);
    const compute = async () => ++calls;
    await memo('a', compute);
    clock = 5000;
    expect(await Promise.all([memo('a', compute), memo('a', compute)])).toEqual([1, 1]);
    await tick();
    expect(calls).toBe(2);
    expect(await memo('a', compute)).toBe(2);
  });

  it('waits for a fresh value when the cached one is too old', async () => {
    let clock = 0;
    let calls = 0;
    const memo = memoize<number>(1000, 60_000, () => clock);
    await memo('a', async () => ++calls);
    clock = 61_000;
    expect(await memo('a', async () => ++calls)).toBe(2);
  });

  it('peeks at the last value without computing', async () => {
    const memo = memoize<number>(1000, 60_000, () => 0);
    expect(memo.peek('a')).toBeUndefined();
    await memo('a', async () => 3);
    expect(memo.peek('a')).toBe(3);
  });

  it('forgets everything on clear', async () => {
    let calls = 0;
    const memo = memoize<number>(1000, 60_000, () => 0);
    await memo('a', async () => ++calls);
    memo.clear();
    expect(await memo('a', async () => ++calls)).toBe(2);
  });

  it('does not remember failures', async () => {
    const memo = memoize<number>(1000, 60_000, () => 0);
    await expect(memo('a', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    await tick();
    expect(await memo('a', async () => 7)).toBe(7);
  });
});
