import { describe, expect, it } from 'vitest';
import { appendedCounts, type AppendInput } from './append';
import type { ShardState } from './change-signal';

const shard = (written: number, over: Partial<ShardState> = {}): ShardState => ({ written, writes: 1, series: 0, wal: 0, tsm: 1_000, files: 2, ...over });
const day = '2026-11-28';

function oneDay(over: Partial<AppendInput> = {}): AppendInput {
  return {
    days: 1,
    day,
    counted: { time_based_daily: { records: 30, tagSets: 30, perDay: { [day]: 30 } }, anomaly_daily: { records: 10, tagSets: 10, perDay: { [day]: 10 } } },
    countedSeries: 40,
    before: shard(100),
    now: shard(105),
    series: { time_based_daily: 33, anomaly_daily: 12 },
    seriesTotal: 45,
    ...over,
  };
}

describe('a slice brought up to date as an append', () => {
  it("adds a one-day slice's new series as its new records when they add up to the points written", () => {
    expect(appendedCounts(oneDay())).toEqual({
      time_based_daily: { records: 33, tagSets: 33, perDay: { [day]: 33 } },
      anomaly_daily: { records: 12, tagSets: 12, perDay: { [day]: 12 } },
    });
    // Nothing written, no new series: the counts as they were.
    expect(appendedCounts(oneDay({ now: shard(100), series: { time_based_daily: 30, anomaly_daily: 10 }, seriesTotal: 40 }))?.time_based_daily?.records).toBe(
      30,
    );
  });

  it('reads the slice again when a written point was not a new series of its own', () => {
    // Six points written, five new series: one point overwrote or joined a series.
    expect(appendedCounts(oneDay({ now: shard(106) }))).toBeNull();
    // A series gone (a delete) while others came.
    expect(appendedCounts(oneDay({ series: { time_based_daily: 36, anomaly_daily: 9 }, seriesTotal: 45 }))).toBeNull();
  });

  it('reads the slice again when the index and the counted data disagree, or a new measurement has series', () => {
    expect(appendedCounts(oneDay({ countedSeries: 41 }))).toBeNull();
    // The index holds series of a measurement the counts do not know (a new one, or the verify probe's).
    expect(appendedCounts(oneDay({ seriesTotal: 46 }))).toBeNull();
  });

  it('reads the slice again when influxd refused points (their series may stay in the index without a point)', () => {
    expect(appendedCounts(oneDay({ now: shard(105, { dropped: 1 }) }))).toBeNull();
    expect(appendedCounts(oneDay({ before: shard(100, { failed: 2 }), now: shard(105, { failed: 3 }) }))).toBeNull();
    expect(appendedCounts(oneDay({ before: shard(100, { dropped: 4 }), now: shard(105, { dropped: 4 }) }))).not.toBeNull();
  });

  it('reads the slice again when influxd rewrote a file without merging (a delete of points on disk), or restarted', () => {
    expect(appendedCounts(oneDay({ now: shard(105, { tsm: 900 }) }))).toBeNull();
    expect(appendedCounts(oneDay({ before: shard(200) }))).toBeNull();
    // A compaction (the number of files changed) is not a delete.
    expect(appendedCounts(oneDay({ now: shard(105, { tsm: 900, files: 1 }) }))).not.toBeNull();
  });

  it("takes today's counts into a 7-day slice when today grew by exactly the points written, the other days as counted", () => {
    const week: AppendInput = {
      days: 7,
      day,
      counted: { session_weekly: { records: 70, tagSets: 70, perDay: { '2026-11-23': 60, [day]: 10 } } },
      countedSeries: 70,
      before: shard(70),
      now: shard(74),
      series: { session_weekly: 74 },
      seriesTotal: 74,
      dayCounts: { session_weekly: { records: 14, tagSets: 14, perDay: { [day]: 14 } } },
    };
    expect(appendedCounts(week)).toEqual({ session_weekly: { records: 74, tagSets: 74, perDay: { '2026-11-23': 60, [day]: 14 } } });
    // Four points written, today grew by three: one went to another day (or overwrote a point).
    expect(appendedCounts({ ...week, dayCounts: { session_weekly: { records: 13, tagSets: 13, perDay: { [day]: 13 } } } })).toBeNull();
    // Today not counted: nothing to prove it with.
    expect(appendedCounts({ ...week, dayCounts: undefined })).toBeNull();
  });

  it("proves a 7-day slice's append by the index alone when today's series grew by the new series, and keeps today's series for the next one", () => {
    const week: AppendInput = {
      days: 7,
      day,
      counted: { session_weekly: { records: 70, tagSets: 70, perDay: { '2026-11-23': 60, [day]: 10 }, daySeries: { day, series: 10 } } },
      countedSeries: 70,
      before: shard(70),
      now: shard(74),
      series: { session_weekly: 74 },
      seriesTotal: 74,
      daySeries: { session_weekly: 14 },
    };
    expect(appendedCounts(week)).toEqual({
      session_weekly: { records: 74, tagSets: 74, perDay: { '2026-11-23': 60, [day]: 14 }, daySeries: { day, series: 14 } },
    });
    // Today's series grew by three of the four new ones: one landed on another day; today's points are counted instead.
    expect(appendedCounts({ ...week, daySeries: { session_weekly: 13 } })).toBeNull();
    const counted = appendedCounts({
      ...week,
      daySeries: { session_weekly: 13 },
      dayCounts: { session_weekly: { records: 13, tagSets: 13, perDay: { [day]: 13 } } },
    });
    expect(counted).toBeNull();
    // Today's series kept from another day prove nothing about this one.
    expect(
      appendedCounts({ ...week, counted: { session_weekly: { ...week.counted.session_weekly!, daySeries: { day: '2026-11-27', series: 10 } } } }),
    ).toBeNull();
  });

  it('dates the appended series by today, the day their points were written, in a one-day and a 7-day slice', () => {
    const oneDayCounted = {
      time_based_daily: { records: 30, tagSets: 30, perDay: { [day]: 30 }, firstPerDay: { [day]: 30 } },
      anomaly_daily: { records: 10, tagSets: 10, perDay: { [day]: 10 }, firstPerDay: { [day]: 10 } },
    };
    expect(appendedCounts(oneDay({ counted: oneDayCounted }))?.time_based_daily?.firstPerDay).toEqual({ [day]: 33 });
    const week: AppendInput = {
      days: 7,
      day,
      counted: {
        session_weekly: {
          records: 70,
          tagSets: 70,
          perDay: { '2026-11-23': 60, [day]: 10 },
          firstPerDay: { '2026-11-23': 60, [day]: 10 },
          daySeries: { day, series: 10 },
        },
      },
      countedSeries: 70,
      before: shard(70),
      now: shard(74),
      series: { session_weekly: 74 },
      seriesTotal: 74,
      daySeries: { session_weekly: 14 },
    };
    expect(appendedCounts(week)?.session_weekly?.firstPerDay).toEqual({ '2026-11-23': 60, [day]: 14 });
    // Proven by today's counts: the new series are the series grown, all of today.
    const counted = { session_weekly: { records: 70, tagSets: 70, perDay: { '2026-11-23': 60, [day]: 10 }, firstPerDay: { '2026-11-23': 60, [day]: 10 } } };
    const byDay = appendedCounts({
      ...week,
      counted,
      daySeries: undefined,
      dayCounts: { session_weekly: { records: 14, tagSets: 14, perDay: { [day]: 14 } } },
    });
    expect(byDay?.session_weekly).toMatchObject({ records: 74, firstPerDay: { '2026-11-23': 60, [day]: 14 } });
  });
});
