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
  const stats: BucketStats = { name: 'pattern_aggregates_daily', retentionSeconds: 90 * 86_400, estimatedRecords: 9000, measurements, unexpected: [], records: 0, firstTime: null, lastTime: null, queryMs: 0, computedAt: '', countedSlices: 0, recountedSlices: 0, detailsReadAt: '' };
  return { id: 'b1', createdAt: '2026-08-01T00:00:00Z', spec: daily, stats, tags: new Map(), slices: [], typeChanges: [], rejections: null, ...extra };
}

describe('a bucket\'s insights', () => {
  it('projects a date-tagged measurement, names the tag as the driver and quotes the writer change', () => {
    const tbd = measurement('time_based_daily', 300, 300, '2026-11-28T00:00:00Z', 'TimeOfDayPatternDetector');
    const tags = new Map([['time_based_daily', [{ tag: 'entity_id', distinctValues: 30, sample: ['light.a'] }, { tag: 'date', distinctValues: 10, sample: ['2026-11-19', '2026-11-20'] }]]]);
    const slices = [{ start: '2026-11-27T00:00:00Z', tagSets: { time_based_daily: 30 } }, { start: '2026-11-28T00:00:00Z', tagSets: { time_based_daily: 30 } }];
    const { bucket, findings } = bucketInsights(facts([tbd], { tags, slices }), 1_000_000, now);
    const m = bucket.measurements[0];
    expect(m).toMatchObject({ name: 'time_based_daily', series: 300, projectedSeries: 2700, timeTag: 'date', seriesWithoutTimeTag: 30, cadence: 'day' });
    expect(m?.drivers).toEqual([{ tag: 'entity_id', distinctValues: 30, growsWithTime: false }, { tag: 'date', distinctValues: 10, growsWithTime: true }]);
    expect(m?.seriesPerDay).toEqual([{ day: '2026-11-27', created: 30 }, { day: '2026-11-28', created: 30 }]);
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
    const ms = [measurement('time_based_daily', 10, 10, '2026-11-28T00:00:00Z', 'TimeOfDayPatternDetector'), measurement('anomaly_daily', 10, 10, '2026-11-25T00:00:00Z', 'AnomalyDetector'), measurement('duration_daily', 0, 0, null, 'DurationDetector')];
    const { bucket, findings } = bucketInsights(facts(ms, { rejections: { since, droppedPoints: 4, failedWrites: 2 } }), 1_000_000, now);
    expect(bucket.rejectedWrites).toEqual({ droppedPoints: 4, failedWrites: 2, since: '2026-11-27T10:00:00.000Z' });
    expect(findings.find((f) => f.kind === 'rejected-writes')?.detail).toContain('refused 4 points written to pattern_aggregates_daily (2 failed write requests) since 2026-11-27T10:00:00.000Z');
    expect(findings.find((f) => f.kind === 'silent')?.detail).toMatch(/^AnomalyDetector has written nothing for 3 days/);
    // DurationDetector never wrote while the others did.
    expect(findings.filter((f) => f.kind === 'never-written').map((f) => f.measurement)).toEqual(['duration_daily']);
  });
});
