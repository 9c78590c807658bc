import { describe, expect, it } from 'vitest';
import { contiguousRuns } from './window-counts';

const day = (d: number) => new Date(Date.UTC(2026, 8, d)).toISOString();
const w = (a: number, b: number) => ({ start: day(a), stop: day(b) });

describe('contiguousRuns', () => {
  it('joins windows that follow each other into one range, in time order whatever order they came in', () => {
    expect(contiguousRuns([w(3, 4), w(1, 2), w(2, 3)])).toEqual([w(1, 4)]);
  });

  it('keeps a gap as two ranges, so no time between two shard groups is read', () => {
    expect(contiguousRuns([w(1, 2), w(2, 3), w(5, 12), w(12, 19)])).toEqual([w(1, 3), w(5, 19)]);
  });

  it('compares instants, not their text', () => {
    expect(contiguousRuns([{ start: '2026-09-01T00:00:00Z', stop: '2026-09-02T00:00:00Z' }, w(2, 3)])).toEqual([
      { start: '2026-09-01T00:00:00Z', stop: day(3) },
    ]);
  });

  it('has nothing to read without windows', () => {
    expect(contiguousRuns([])).toEqual([]);
  });
});
