import { describe, expect, it } from 'vitest';
import { memoize } from './memo';

describe('memoize', () => {
  it('shares one computation between concurrent callers and reuses it within the ttl', async () => {
    let clock = 0;
    let calls = 0;
    const memo = memoize<number>(1000, () => clock);
    const compute = async () => ++calls;
    expect(await Promise.all([memo('a', compute), memo('a', compute), memo('a', compute)])).toEqual([1, 1, 1]);
    clock = 999;
    expect(await memo('a', compute)).toBe(1);
    clock = 1000;
    expect(await memo('a', compute)).toBe(2);
    expect(await memo('b', compute)).toBe(3);
  });

  it('forgets everything on clear', async () => {
    let calls = 0;
    const memo = memoize<number>(1000, () => 0);
    await memo('a', async () => ++calls);
    memo.clear();
    expect(await memo('a', async () => ++calls)).toBe(2);
  });

  it('does not remember failures', async () => {
    const memo = memoize<number>(1000, () => 0);
    await expect(memo('a', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await memo('a', async () => 7)).toBe(7);
  });
});
