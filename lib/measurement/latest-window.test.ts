import { describe, expect, it } from 'vitest';
import { latestWindow } from './latest-window';

const perDay = [
  { day: '2026-11-26', records: 30 },
  { day: '2026-11-28', records: 30 },
  { day: '2026-11-27', records: 30 },
];

describe('the window of the newest points', () => {
  it('reads back only as many days as the page needs', () => {
    expect(latestWindow(perDay, 25)?.start).toBe('2026-11-28T00:00:00Z');
    expect(latestWindow(perDay, 31)?.start).toBe('2026-11-27T00:00:00Z');
  });

  it('reads every day when the page goes past them, and nothing for an empty measurement', () => {
    expect(latestWindow(perDay, 500)?.start).toBe('2026-11-26T00:00:00Z');
    expect(latestWindow([], 10)).toBeNull();
  });
});
