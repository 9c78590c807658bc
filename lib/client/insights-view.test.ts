import { describe, expect, it } from 'vitest';
import type { Finding, InsightsReport, MeasurementInsight } from '../model/insights';
import {
  daysSince,
  detectorWarnings,
  findingCounts,
  formatAge,
  freshnessRows,
  groupFindings,
  growthDriver,
  headroom,
  isEmptyReport,
  KIND_CHANGES,
  KIND_TITLES,
} from './insights-view';

const now = Date.parse('2026-11-28T19:00:00Z');

function measurement(name: string, detector: string | null, lastWritten: string | null, extra: Partial<MeasurementInsight> = {}): MeasurementInsight {
  return {
    name,
    detector,
    series: lastWritten ? 10 : 0,
    projectedSeries: 0,
    seriesPerDay: [],
    drivers: [],
    lastWritten,
    cadence: detector ? 'day' : null,
    ...extra,
  };
}

const report: InsightsReport = {
  computedAt: '2026-11-28T19:00:00Z',
  buckets: [
    {
      name: 'daily',
      series: 20,
      projectedSeries: 900,
      seriesLimit: 1_000_000,
      measurements: [
        measurement('time_based_daily', 'TimeOfDayPatternDetector', '2026-11-28T00:00:00Z', {
          drivers: [
            { tag: 'entity_id', distinctValues: 10, growsWithTime: false },
            { tag: 'date', distinctValues: 90, growsWithTime: true },
          ],
        }),
        measurement('anomaly_daily', 'AnomalyDetector', '2026-11-25T00:00:00Z'),
        measurement('sequence_daily', 'SequenceDetector', null),
        measurement('stray', null, '2026-11-28T00:00:00Z'),
      ],
    },
  ],
  findings: [
    { kind: 'silent', bucket: 'daily', measurement: 'anomaly_daily', detail: 'No point since 2026-11-25.', fix: 'Check the AnomalyDetector log.' },
    {
      kind: 'never-written',
      bucket: 'daily',
      measurement: 'sequence_daily',
      detail: 'No point since the bucket was created.',
      fix: 'Fix the write_sequence call.',
    },
    { kind: 'time-tag', bucket: 'daily', measurement: 'time_based_daily', detail: 'date', fix: 'Drop the date tag.' },
  ],
};

describe('detectorWarnings', () => {
  it('names the silent detector with the whole days since its last point, and the one that never wrote', () => {
    const warnings = detectorWarnings(report, now);
    expect(warnings.map((w) => w.text)).toEqual(['AnomalyDetector has written nothing for 3 days', 'SequenceDetector has never written sequence_daily']);
    expect(warnings[0]?.fix).toBe('Check the AnomalyDetector log.');
  });
  it('says one day, not one days', () => {
    const oneDay = { ...report, buckets: [{ ...report.buckets[0]!, measurements: [measurement('anomaly_daily', 'AnomalyDetector', '2026-11-27T12:00:00Z')] }] };
    expect(detectorWarnings(oneDay, now)[0]?.text).toBe('AnomalyDetector has written nothing for 1 day');
  });
});

describe('freshnessRows', () => {
  it('gives each measurement its status from the findings and the spec', () => {
    expect(freshnessRows(report).map((r) => [r.measurement, r.status])).toEqual([
      ['time_based_daily', 'fresh'],
      ['anomaly_daily', 'silent'],
      ['sequence_daily', 'never-written'],
      ['stray', 'outside-spec'],
    ]);
  });
});

describe('growthDriver', () => {
  it('is the tag whose values track time, not the one with the most values first', () => {
    expect(growthDriver(report.buckets[0]!.measurements[0]!)?.tag).toBe('date');
    expect(growthDriver({ drivers: [{ tag: 'entity_id', distinctValues: 10, growsWithTime: false }] })).toBeNull();
  });
});

describe('headroom', () => {
  it('measures the projection against the series limit', () => {
    expect(headroom({ projectedSeries: 2700, seriesLimit: 1_000_000 })).toMatchObject({
      remaining: 997_300,
      tone: 'green',
      percent: '<1%',
      text: '997,300 series of headroom (<1% of the 1,000,000 limit used at full retention)',
    });
    expect(headroom({ projectedSeries: 600, seriesLimit: 1000 })).toMatchObject({ remaining: 400, tone: 'amber' });
    expect(headroom({ projectedSeries: 1500, seriesLimit: 1000 })).toMatchObject({
      remaining: -500,
      tone: 'red',
      text: '500 series over the limit of 1,000 at full retention',
    });
  });
});

describe('ages', () => {
  it('counts whole days and says never for no point', () => {
    expect(daysSince('2026-11-25T00:00:00Z', now)).toBe(3);
    expect(daysSince(null, now)).toBeNull();
    expect(formatAge(null, now)).toBe('never');
    expect(formatAge('2026-11-28T18:30:00Z', now)).toBe('30 min ago');
    expect(formatAge('2026-11-28T00:00:00Z', now)).toBe('19 h ago');
    expect(formatAge('2026-11-25T00:00:00Z', now)).toBe('3 days ago');
  });
});

describe('report summaries', () => {
  it('counts open findings per bucket and knows an empty report', () => {
    expect(findingCounts(report)).toEqual({ daily: 3 });
    expect(isEmptyReport(report)).toBe(false);
    expect(isEmptyReport({ ...report, buckets: [{ ...report.buckets[0]!, measurements: [measurement('a', 'A', null)] }] })).toBe(true);
  });
});

describe('groupFindings', () => {
  const f = (kind: Finding['kind'], bucket: string, measurement: string | null, fix = `fix ${bucket}/${measurement ?? ''}`): Finding => ({
    kind,
    bucket,
    measurement,
    detail: `detail ${bucket}/${measurement ?? ''}`,
    fix,
  });

  it('makes one group per kind, in a steady order (writer kinds first), with the places it affects', () => {
    const groups = groupFindings([f('series-limit', 'daily', null), f('time-tag', 'daily', 'a'), f('silent', 'daily', 'c'), f('time-tag', 'weekly', 'b')]);
    expect(groups.map((g) => g.kind)).toEqual(['time-tag', 'silent', 'series-limit']);
    expect(groups[0]).toMatchObject({
      title: 'A tag that grows with time',
      where: ['daily/a', 'weekly/b'],
      scope: '2 measurements in 2 buckets',
      writer: true,
    });
    expect(groups[2]).toMatchObject({ where: ['daily'], scope: '1 bucket', writer: false });
  });

  it('gives each group the one change that fixes all its findings, and keeps each finding for its exact line', () => {
    const findings = Array.from({ length: 7 }, (_, i) => f('write-time-stamps', 'weekly', `m${i}`));
    const groups = groupFindings(findings);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ change: KIND_CHANGES['write-time-stamps'], findings, scope: '7 measurements' });
  });

  it('names a place once even when it has two findings of the kind', () => {
    const groups = groupFindings([f('type-change', 'daily', 'a', 'cast x'), f('type-change', 'daily', 'a', 'cast y')]);
    expect(groups).toMatchObject([{ where: ['daily/a'], scope: '1 measurement' }]);
    expect(groups[0]?.findings).toHaveLength(2);
  });

  it('has a change in short sentences for every kind', () => {
    for (const kind of Object.keys(KIND_TITLES) as Finding['kind'][]) {
      expect(KIND_CHANGES[kind]).toMatch(/\.$/);
      for (const sentence of KIND_CHANGES[kind].split('. ')) expect(sentence.split(' ').length).toBeLessThanOrEqual(20);
    }
  });

  it('is empty without findings', () => {
    expect(groupFindings([])).toEqual([]);
  });
});
