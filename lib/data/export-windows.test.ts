import { describe, expect, it } from 'vitest';
import { FIRST, LAST } from '../stats/slices';
import { EARLIEST, LATEST } from '../model/export-options';
import { exportWindows } from './export-windows';

const DAY = 86_400;
const now = Date.parse('2026-11-29T12:00:00Z');

describe('exportWindows', () => {
  it('cuts the whole range at the shard-group boundaries, in time order, covering it without gaps or overlaps', () => {
    const w = exportWindows({ retentionSeconds: 90 * DAY, shardGroupDurationSeconds: DAY }, FIRST, LAST, now);
    expect(w[0]?.start).toBe(FIRST);
    expect(w.at(-1)?.stop).toBe(LAST);
    for (let i = 1; i < w.length; i++) expect(w[i]?.start).toBe(w[i - 1]?.stop);
    // 90 days of retention, the group before it, today and the two after, and the open ends.
    expect(w.length).toBeGreaterThanOrEqual(94);
    expect(w.some((s) => s.start === '2026-11-29T00:00:00Z' && s.stop === '2026-11-30T00:00:00Z')).toBe(true);
  });

  it('keeps the selection’s own bounds, nanoseconds included, and reads only the groups it touches', () => {
    const w = exportWindows({ retentionSeconds: 90 * DAY, shardGroupDurationSeconds: DAY }, '2026-11-10T06:00:00.000000001Z', '2026-11-12T00:00:00Z', now);
    expect(w).toEqual([
      { start: '2026-11-10T06:00:00.000000001Z', stop: '2026-11-11T00:00:00Z' },
      { start: '2026-11-11T00:00:00Z', stop: '2026-11-12T00:00:00Z' },
    ]);
  });

  it('gives a selection inside one group as it is, and 7-day groups start on Mondays as InfluxDB’s do', () => {
    expect(exportWindows({ retentionSeconds: 90 * DAY, shardGroupDurationSeconds: DAY }, '2026-11-10T01:00:00Z', '2026-11-10T02:00:00Z', now)).toEqual([
      { start: '2026-11-10T01:00:00Z', stop: '2026-11-10T02:00:00Z' },
    ]);
    const weekly = exportWindows({ retentionSeconds: 365 * DAY, shardGroupDurationSeconds: 7 * DAY }, '2026-11-01T00:00:00Z', '2026-11-20T00:00:00Z', now);
    expect(weekly.map((s) => s.start)).toEqual(['2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z', '2026-11-09T00:00:00Z', '2026-11-16T00:00:00Z']);
  });

  it('keeps points before 1970 and after the last slice: the first and last windows reach the selection’s bounds', () => {
    const w = exportWindows({ retentionSeconds: 90 * DAY, shardGroupDurationSeconds: DAY }, EARLIEST.iso, LATEST.iso, now);
    expect(w[0]?.start).toBe(EARLIEST.iso);
    expect(w.at(-1)?.stop).toBe(LATEST.iso);
    for (let i = 1; i < w.length; i++) expect(w[i]?.start).toBe(w[i - 1]?.stop);
  });

  it('reads a bucket of infinite retention in one window', () => {
    expect(exportWindows({ retentionSeconds: 0, shardGroupDurationSeconds: 7 * DAY }, FIRST, LAST, now)).toEqual([{ start: FIRST, stop: LAST }]);
  });
});
