import { describe, expect, it } from 'vitest';
import { createSlicePool } from './slice-pool';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('slice pool', () => {
  it('runs at most `limit` jobs at once, whichever refresh they come from', async () => {
    const pool = createSlicePool(2);
    let running = 0;
    let peak = 0;
    const job = (batch: number) => ({
      batch,
      cost: 1,
      run: async () => {
        peak = Math.max(peak, ++running);
        await tick();
        running--;
        return batch;
      },
    });
    const out = await Promise.all([...Array.from({ length: 5 }, () => pool.run(job(5))), ...Array.from({ length: 3 }, () => pool.run(job(3)))]);
    expect(out).toEqual([5, 5, 5, 5, 5, 3, 3, 3]);
    expect(peak).toBe(2);
    expect(pool.size).toEqual({ running: 0, waiting: 0 });
  });

  it('starts the smaller refresh first, then the costliest slice, then the first queued', async () => {
    const pool = createSlicePool(1);
    const started: string[] = [];
    const job = (name: string, batch: number, cost: number) => pool.run({ batch, cost, run: async () => void started.push(name) });
    const gate = pool.run({ batch: 0, cost: 0, run: tick });
    const all = [job('full-cheap', 90, 10), job('full-dear', 90, 500), job('day', 1, 1), job('full-dear-2', 90, 500)];
    await Promise.all([gate, ...all]);
    expect(started).toEqual(['day', 'full-dear', 'full-dear-2', 'full-cheap']);
  });

  it('drops a waiting job whose signal aborts, and never runs it', async () => {
    const pool = createSlicePool(1);
    let release = () => {};
    const busy = pool.run({ batch: 1, cost: 1, run: () => new Promise<void>((r) => (release = r)) });
    const stop = new AbortController();
    let ran = false;
    const waiting = pool.run({ batch: 1, cost: 1, signal: stop.signal, run: async () => void (ran = true) });
    expect(pool.size).toEqual({ running: 1, waiting: 1 });
    stop.abort(new Error('client went away'));
    await expect(waiting).rejects.toThrow('client went away');
    expect(pool.size.waiting).toBe(0);
    release();
    await busy;
    expect(ran).toBe(false);
    await expect(pool.run({ batch: 1, cost: 1, signal: stop.signal, run: async () => 1 })).rejects.toThrow('client went away');
  });

  it('passes a failure to its caller and goes on with the next job', async () => {
    const pool = createSlicePool(1);
    const failing = pool.run({ batch: 1, cost: 1, run: () => Promise.reject(new Error('influxd said no')) });
    const thrownAtOnce = pool.run({
      batch: 1,
      cost: 1,
      run: () => {
        throw new Error('thrown before any await');
      },
    });
    const next = pool.run({ batch: 1, cost: 1, run: async () => 'went on' });
    await expect(failing).rejects.toThrow('influxd said no');
    await expect(thrownAtOnce).rejects.toThrow('thrown before any await');
    await expect(next).resolves.toBe('went on');
  });

  it('listens once per signal, however many slices a refresh queues on it, and lets go after', async () => {
    const pool = createSlicePool(1);
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    try {
      const refresh = new AbortController();
      const done = await Promise.all(Array.from({ length: 95 }, (_, i) => pool.run({ batch: 95, cost: i, signal: refresh.signal, run: async () => i })));
      expect(done).toHaveLength(95);
      const stop = new AbortController();
      const stopped = Promise.allSettled(Array.from({ length: 30 }, () => pool.run({ batch: 30, cost: 1, signal: stop.signal, run: tick })));
      stop.abort(new Error('gone'));
      expect((await stopped).filter((r) => r.status === 'rejected')).toHaveLength(29);
      await tick();
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).not.toContain('MaxListenersExceededWarning');
    expect(pool.size).toEqual({ running: 0, waiting: 0 });
  });
});
