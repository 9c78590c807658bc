import { describe, expect, it } from 'vitest';
import { behindQueue } from './behind';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('work behind the foreground', () => {
  it('starts only after a quiet moment since the last refresh', async () => {
    const q = behindQueue(() => {}, { quietMs: 40 });
    const ran: string[] = [];
    await q.foreground(async () => {});
    q.queue('a', async () => void ran.push('a'));
    await tick();
    expect(ran).toEqual([]);
    await new Promise((r) => setTimeout(r, 60));
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
    await tick();
    expect(ran).toEqual([]);
    release();
    await fg;
    await tick();
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
    await tick();
    expect(starts.length).toBe(1);
    await q.foreground(async () => {
      await tick();
      expect(q.pending()).toBe(1);
    });
    await tick();
    expect(starts.length).toBe(2);
    // Being stopped is not an error; a job that fails on its own is.
    expect(errors).toEqual([]);
    q.queue('b', async () => {
      throw new Error('influxd down');
    });
    await tick();
    expect(errors.map(String)).toEqual(['Error: influxd down']);
  });

  it('waits while someone uses the console, but not longer than its limit, and never stops a running job for it', async () => {
    let active = Date.now();
    const q = behindQueue(() => {}, { quietMs: 30, activity: () => active, maxDeferMs: 200 });
    const ran: number[] = [];
    q.queue('a', async () => void ran.push(Date.now()));
    // Someone clicks every 10 ms: the job waits for the limit, then runs.
    const clicking = setInterval(() => (active = Date.now()), 10);
    await new Promise((r) => setTimeout(r, 120));
    expect(ran).toEqual([]);
    await new Promise((r) => setTimeout(r, 200));
    clearInterval(clicking);
    expect(ran.length).toBe(1);
    // A job that runs is not stopped by a click, and the next one waits for a quiet moment.
    let release = () => {};
    let stopped = false;
    q.queue('b', (signal) => new Promise<void>((r) => ((release = r), signal.addEventListener('abort', () => (stopped = true)))));
    active = 0;
    await new Promise((r) => setTimeout(r, 60));
    expect(q.pending()).toBe(1);
    active = Date.now();
    q.queue('c', async () => void ran.push(Date.now()));
    release();
    await tick();
    expect(stopped).toBe(false);
    expect(ran.length).toBe(1);
    await new Promise((r) => setTimeout(r, 60));
    expect(ran.length).toBe(2);
  });
});
