import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { behindQueue } from './behind';

// The queue's clock (Date.now and setTimeout) is vitest's fake one: time moves only when a test
// moves it, so "not yet" and "now" are asserted at exact instants, not raced against real sleeps.
beforeEach(() => void vi.useFakeTimers({ now: 1_000_000 }));
afterEach(() => void vi.useRealTimers());

/** Moves the clock by `ms` and lets the promises that become due settle. */
const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);

describe('work behind the foreground', () => {
  it('starts only after a quiet moment since the last refresh', async () => {
    const q = behindQueue(() => {}, { quietMs: 40 });
    const ran: string[] = [];
    await q.foreground(async () => {});
    q.queue('a', async () => void ran.push('a'));
    await advance(39);
    expect(ran).toEqual([]);
    await advance(1);
    expect(ran).toEqual(['a']);
  });

  it('waits while a refresh runs, then runs each key once', async () => {
    const q = behindQueue(() => {}, { quietMs: 0 });
    const ran: string[] = [];
    let release = () => {};
    const fg = q.foreground(() => new Promise<void>((r) => (release = r)));
    q.queue('a', async () => void ran.push('a'));
    q.queue('a', async () => void ran.push('a again'));
    q.queue('b', async () => void ran.push('b'));
    await advance(10_000);
    expect(ran).toEqual([]);
    expect(q.pending()).toBe(2);
    release();
    await fg;
    await advance(0);
    expect(ran).toEqual(['a again', 'b']);
    expect(q.pending()).toBe(0);
  });

  it('stops a job a refresh starts over, and runs it again after', async () => {
    const errors: unknown[] = [];
    const q = behindQueue((_, e) => errors.push(e), { quietMs: 0 });
    const starts: boolean[] = [];
    q.queue('a', (signal) => {
      starts.push(true);
      return new Promise<void>((resolve, reject) => {
        signal.addEventListener('abort', () => reject(new Error('stopped')));
        if (starts.length > 1) resolve();
      });
    });
    await advance(0);
    expect(starts.length).toBe(1);
    await q.foreground(async () => {
      await advance(0);
      expect(q.pending()).toBe(1);
    });
    await advance(0);
    expect(starts.length).toBe(2);
    expect(q.pending()).toBe(0);
    // Being stopped is not an error; a job that fails on its own is.
    expect(errors).toEqual([]);
    q.queue('b', async () => {
      throw new Error('influxd down');
    });
    await advance(0);
    expect(errors.map(String)).toEqual(['Error: influxd down']);
  });

  it('waits while someone uses the console, but not longer than its limit, and never stops a running job for it', async () => {
    let active = Date.now();
    const q = behindQueue(() => {}, { quietMs: 30, activity: () => active, maxDeferMs: 200 });
    const ran: number[] = [];
    const queuedAt = Date.now();
    q.queue('a', async () => void ran.push(Date.now()));
    // Someone clicks every 10 ms: the job waits for the limit, then runs.
    const clicking = setInterval(() => (active = Date.now()), 10);
    await advance(199);
    expect(ran).toEqual([]);
    await advance(31);
    clearInterval(clicking);
    // Held back exactly maxDeferMs: the last refresh (none, so the queue's start) was quiet long before.
    expect(ran).toEqual([queuedAt + 200]);
    // A job that runs is not stopped by a click, and the next one waits for a quiet moment.
    let release = () => {};
    let stopped = false;
    q.queue('b', (signal) => new Promise<void>((r) => ((release = r), signal.addEventListener('abort', () => (stopped = true)))));
    active = 0;
    await advance(60);
    expect(q.pending()).toBe(1);
    active = Date.now();
    q.queue('c', async () => void ran.push(Date.now()));
    release();
    await advance(0);
    expect(stopped).toBe(false);
    expect(ran).toHaveLength(1);
    await advance(29);
    expect(ran).toHaveLength(1);
    await advance(1);
    expect(ran).toEqual([ran[0], active + 30]);
  });
});
