import { describe, expect, it } from 'vitest';
import { progressSink, readProgress, splitProgress } from './registry';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('the progress registry', () => {
  it('keeps the newest step per label, in the order the labels began', () => {
    const sink = progressSink(id(1));
    sink?.({ label: 'a', done: 1, total: 3 });
    sink?.({ label: 'b', done: 0, total: 2 });
    sink?.({ label: 'a', done: 3, total: 3 });
    expect(readProgress(id(1))).toEqual([
      { label: 'a', done: 3, total: 3 },
      { label: 'b', done: 0, total: 2 },
    ]);
    expect(readProgress(id(2))).toBeNull();
  });

  it('takes the ID out of an action input, and reports nowhere for anything but an ID', () => {
    const split = splitProgress({ id: 'x', bucket: 'b', progressId: id(3) });
    expect(split.input).toEqual({ id: 'x', bucket: 'b' });
    split.onProgress?.({ label: 'l', done: 1, total: 1 });
    expect(readProgress(id(3))).toEqual([{ label: 'l', done: 1, total: 1 }]);
    for (const bad of ['short', '../../etc/passwd-0000000000', 42, null, { toString: () => id(4) }])
      expect(splitProgress({ progressId: bad }).onProgress).toBeUndefined();
    expect(splitProgress('20261206T000000Z')).toEqual({ input: '20261206T000000Z', onProgress: undefined });
    expect(splitProgress(undefined)).toEqual({ input: undefined, onProgress: undefined });
  });

  it('holds 200 at most, the oldest dropped first', () => {
    for (let n = 100; n < 400; n++) progressSink(id(n))?.({ label: 'x', done: n, total: 400 });
    expect(readProgress(id(100))).toBeNull();
    expect(readProgress(id(399))).toEqual([{ label: 'x', done: 399, total: 400 }]);
    let kept = 0;
    for (let n = 100; n < 400; n++) if (readProgress(id(n))) kept++;
    expect(kept).toBeLessThanOrEqual(200);
  });
});
