import { describe, expect, it } from 'vitest';
import type { BucketStats, MeasurementStats } from '../model/stats';
import { ai5Spec } from '../spec/load';
import { bucketInsights, type BucketFacts } from './report';

const spec = ai5Spec();
const daily = spec.buckets[0];
const now = Date.parse('2026-11-28T20:00:00Z');

function measurement(name: string, records: number, series: number, lastTime: string | null, detector: string | null = null): MeasurementStats {
  return { name, detector, records, series, tagSets: series, tagKeys: [], fieldKeys: [], firstTime: null, lastTime, perDay: [], expectedRecords: null };
}

function facts(measurements: MeasurementStats[], extra: Partial<BucketFacts> = {}): BucketFacts {
  const stats: BucketStats = {
    name: 'pattern_aggregates_daily',
    retentionSeconds: 90 * 86_400,
    estimatedRecords: 9000,
    measurements,
    unexpected: [],
    records: 0,
    firstTime: null,
    lastTime: null,
    queryMs: 0,
    computedAt: '',
    countedSlices: 0,
    recountedSlices: 0,
    detailsReadAt: '',
  };
  return { id: 'b1', createdAt: '2026-08-01T00:00:00Z', spec: daily, stats, tags: new Map(), slices: [], typeChanges: [], rejections: null, ...extra };
}

describe("a bucket's insights", () => {
  it('projects a date-tagged measurement, names the tag as the driver and quotes the writer change', () => {
    const tbd = measurement('time_based_daily', 300, 300, '2026-11-28T00:00:00Z', 'TimeOfDayPatternDetector');
    const tags = new Map([
      [
        'time_based_daily',
        [
          { tag: 'entity_id', distinctValues: 30, sample: ['light.a'] },
          { tag: 'date', distinctValues: 10, sample: ['2026-11-19', '2026-11-20'] },
        ],
      ],
    ]);
    const slices = [
      { start: '2026-11-27T00:00:00Z', tagSets: { time_based_daily: 30 } },
      { start: '2026-11-28T00:00:00Z', tagSets: { time_based_daily: 30 } },
    ];
    const { bucket, findings } = bucketInsights(facts([tbd], { tags, slices }), 1_000_000, now);
    const m = bucket.measurements[0];
    expect(m).toMatchObject({ name: 'time_based_daily', series: 300, projectedSeries: 2700, timeTag: 'date', seriesWithoutTimeTag: 30, cadence: 'day' });
    expect(m?.drivers).toEqual([
      { tag: 'entity_id', distinctValues: 30, growsWithTime: false },
      { tag: 'date', distinctValues: 10, growsWithTime: true },
    ]);
    expect(m?.seriesPerDay).toEqual([
      { day: '2026-11-27', created: 30 },
      { day: '2026-11-28', created: 30 },
    ]);
    expect(findings.map((f) => f.kind)).toContain('time-tag');
  });

  it('warns when the projection crosses the series limit, naming the measurement that drives it', () => {
    const tbd = measurement('time_based_daily', 300, 300, '2026-11-28T00:00:00Z', 'TimeOfDayPatternDetector');
    const tags = new Map([['time_based_daily', [{ tag: 'date', distinctValues: 10, sample: ['2026-11-19'] }]]]);
    const { findings } = bucketInsights(facts([tbd], { tags }), 1_000, now);
    const limit = findings.find((f) => f.kind === 'series-limit');
    expect(limit?.detail).toContain('projected to hold 2,700 series at full retention, over the limit of 1,000');
    expect(limit?.detail).toContain('driven by the "date" tag of time_based_daily');
  });

  it('reports refused writes with the time they started, a silent detector and one that never wrote, by name', () => {
    const since = Date.parse('2026-11-27T10:00:00Z');
    const ms = [
      measurement('time_based_daily', 10, 10, '2026-11-28T00:00:00Z', 'TimeOfDayPatternDetector'),
      measurement('anomaly_daily', 10, 10, '2026-11-25T00:00:00Z', 'AnomalyDetector'),
      measurement('duration_daily', 0, 0, null, 'DurationDetector'),
    ];
    const { bucket, findings } = bucketInsights(facts(ms, { rejections: { since, droppedPoints: 4, failedWrites: 2 } }), 1_000_000, now);
    expect(bucket.rejectedWrites).toEqual({ droppedPoints: 4, failedWrites: 2, since: '2026-11-27T10:00:00.000Z' });
    expect(findings.find((f) => f.kind === 'rejected-writes')?.detail).toContain(
      'refused 4 points written to pattern_aggregates_daily (2 failed write requests) since 2026-11-27T10:00:00.000Z',
    );
    expect(findings.find((f) => f.kind === 'silent')?.detail).toMatch(/^AnomalyDetector has written nothing for 3 days/);
    // DurationDetector never wrote while the others did.
    expect(findings.filter((f) => f.kind === 'never-written').map((f) => f.measurement)).toEqual(['duration_daily']);
  });

  it('names week labels built with the calendar year across New Year, with the label and stamp change', () => {
    const weekly = spec.buckets.find((b) => b.name === 'pattern_aggregates_weekly');
    const sw = measurement('session_weekly', 4, 4, '2027-01-01T08:00:00Z', 'SessionDetector');
    const tags = new Map([
      [
        'session_weekly',
        [
          { tag: 'week', distinctValues: 4, sample: ['2025-W01', '2025-W52', '2026-W53', '2027-W53'] },
          { tag: 'session_type', distinctValues: 1, sample: ['general'] },
        ],
      ],
    ]);
    const weekLabels = new Map([
      [
        'session_weekly',
        [
          { label: '2025-W52', time: Date.parse('2025-12-28T08:00:00Z') },
          { label: '2025-W01', time: Date.parse('2025-12-29T08:00:00Z') },
          { label: '2026-W53', time: Date.parse('2026-12-31T08:00:00Z') },
          { label: '2027-W53', time: Date.parse('2027-01-01T08:00:00Z') },
        ],
      ],
    ]);
    const { findings } = bucketInsights(facts([sw], { spec: weekly, tags, weekLabels }), 1_000_000, Date.parse('2027-01-02T00:00:00Z'));
    const f = findings.find((x) => x.kind === 'week-label');
    expect(f?.detail).toContain('session_weekly: 2 of 4 "week" labels are built with the calendar year');
    expect(f?.detail).toContain('"2025-W01" on a point stamped 2025-12-29, whose ISO week is 2026-W01');
    expect(f?.fix).toContain('.strftime("%G-W%V")');
    expect(f?.fix).toContain('"%G-W%V-%u").replace(tzinfo=timezone.utc)');
    // Correct ISO labels raise nothing.
    const right = new Map([
      [
        'session_weekly',
        [
          { label: '2026-W01', time: Date.parse('2025-12-29T08:00:00Z') },
          { label: '2026-W53', time: Date.parse('2027-01-01T08:00:00Z') },
        ],
      ],
    ]);
    expect(bucketInsights(facts([sw], { spec: weekly, tags, weekLabels: right }), 1_000_000, now).findings.some((x) => x.kind === 'week-label')).toBe(false);
  });

  it('dates new series by the day of their first point, not by the start of a week-long slice', () => {
    const weekly = spec.buckets.find((b) => b.name === 'pattern_aggregates_weekly');
    const sw = measurement('session_weekly', 15, 15, '2026-12-06T16:48:00Z', 'SessionDetector');
    const dt = measurement('day_type_weekly', 4, 3, '2026-12-06T16:48:00Z', 'DayTypeDetector');
    const tags = new Map([['session_weekly', [{ tag: 'week', distinctValues: 3, sample: ['2026-W47', '2026-W48', '2026-W49'] }]]]);
    const slices: BucketFacts['slices'] = [
      {
        start: '2026-11-23T00:00:00Z',
        tagSets: { session_weekly: 10, day_type_weekly: 2 },
        firstPerDay: { session_weekly: { '2026-11-23': 5, '2026-11-29': 5 }, day_type_weekly: { '2026-11-29': 2 } },
      },
      {
        start: '2026-11-30T00:00:00Z',
        tagSets: { session_weekly: 5, day_type_weekly: 3 },
        firstPerDay: { session_weekly: { '2026-12-06': 5 }, day_type_weekly: { '2026-11-30': 2, '2026-12-03': 1 } },
      },
      // Counts stored before first days were kept: the slice's start, as before.
      { start: '2026-11-16T00:00:00Z', tagSets: { session_weekly: 5 } },
    ];
    const { bucket } = bucketInsights(facts([sw, dt], { spec: weekly, tags, slices }), 1_000_000, Date.parse('2026-12-06T20:00:00Z'));
    const per = (name: string) => bucket.measurements.find((m) => m.name === name)?.seriesPerDay;
    expect(per('session_weekly')).toEqual([
      { day: '2026-11-16', created: 5 },
      { day: '2026-11-23', created: 5 },
      { day: '2026-11-29', created: 5 },
      { day: '2026-12-06', created: 5 },
    ]);
    // Without a time tag, the third series is the new one, on the day it first appeared; the two seen before are not new.
    expect(per('day_type_weekly')).toEqual([
      { day: '2026-11-29', created: 2 },
      { day: '2026-11-30', created: 0 },
      { day: '2026-12-03', created: 1 },
    ]);
  });
});
