import { describe, expect, it } from 'vitest';
import { ai5Spec } from '../spec/load';
import { graceSeconds } from '../spec/schema';
import { bucketGate, gateVerdict, type GateInput } from './gate';

const H = 3_600_000;
const created = '2026-12-01T12:00:00.000Z';
const base: GateInput = {
  measurement: 'anomaly_daily',
  detector: 'AnomalyDetector',
  cadence: 'day',
  graceSeconds: null,
  lastWritten: null,
  bucketCreatedAt: created,
  othersFirst: '2026-09-07T00:00:00.000Z',
  othersLast: '2026-12-06T00:00:00.000Z',
  now: 0,
};
const at = (iso: string) => Date.parse(iso);

describe('the pipeline gate', () => {
  it('warns about a measurement never written while the others arrive, saying when it fails, then fails after two cadences', () => {
    // The others' first point is a backfill from September: the bucket has received data since it was created.
    const before = gateVerdict({ ...base, now: at('2026-12-03T06:00:00Z') });
    expect(before).toMatchObject({ status: 'warn', kind: 'never-written', since: created, failsAt: '2026-12-03T12:00:00.000Z' });
    expect(before?.detail).toBe(
      "AnomalyDetector has never written anomaly_daily while the bucket has received the other measurements' data since 2026-12-01T12:00:00.000Z (42 h); this becomes a failure at 2026-12-03T12:00:00.000Z (in 6 h), after a grace of two cadences, 2 days.",
    );
    const after = gateVerdict({ ...base, now: at('2026-12-03T12:00:01Z') });
    expect(after).toMatchObject({ status: 'fail', failsAt: '2026-12-03T12:00:00.000Z' });
    expect(after?.detail).toContain('longer than a grace of two cadences, 2 days: the pipeline is broken for it');
  });

  it("counts from the others' first point when the bucket is older than the data", () => {
    const v = gateVerdict({ ...base, bucketCreatedAt: '2026-01-01T00:00:00Z', othersFirst: '2026-12-05T00:00:00Z', now: at('2026-12-06T20:00:00Z') });
    expect(v).toMatchObject({ status: 'warn', since: '2026-12-05T00:00:00.000Z', failsAt: '2026-12-07T00:00:00.000Z' });
  });

  it("takes the spec's grace instead of two cadences", () => {
    expect(gateVerdict({ ...base, graceSeconds: 3_600, now: at(created) + 2 * H })).toMatchObject({ status: 'fail', failsAt: '2026-12-01T13:00:00.000Z' });
    expect(gateVerdict({ ...base, graceSeconds: 7 * 86_400, now: at('2026-12-06T00:00:00Z') })?.detail).toContain("after the spec's grace of 7 days");
  });

  it('fails a detector gone silent while the others kept writing newer points, and not one that merely has no new point yet', () => {
    const silent = { ...base, lastWritten: '2026-12-02T00:00:00.000Z', bucketCreatedAt: '2026-08-01T00:00:00Z' };
    expect(gateVerdict({ ...silent, now: at('2026-12-06T20:00:00Z') })).toMatchObject({
      status: 'fail',
      kind: 'silent',
      since: '2026-12-02T00:00:00.000Z',
      failsAt: '2026-12-04T00:00:00.000Z',
    });
    // Within two cadences of its last point: not silent.
    expect(gateVerdict({ ...silent, now: at('2026-12-03T23:00:00Z') })).toBeNull();
    // Silent, but with a week's grace: a warning until then.
    expect(gateVerdict({ ...silent, graceSeconds: 7 * 86_400, now: at('2026-12-06T20:00:00Z') })).toMatchObject({
      status: 'warn',
      failsAt: '2026-12-09T00:00:00.000Z',
    });
    // The others stopped at the same time: the writer stopped as a whole, not this detector.
    expect(gateVerdict({ ...silent, othersLast: '2026-12-02T00:00:00.000Z', now: at('2026-12-06T20:00:00Z') })).toBeNull();
  });

  it("leaves a bucket without the others' data alone", () => {
    expect(gateVerdict({ ...base, othersFirst: null, othersLast: null, now: at('2027-01-01T00:00:00Z') })).toBeNull();
  });

  it('judges every spec measurement of a bucket from its counts, with a grace from the spec', () => {
    const daily = ai5Spec().buckets[0];
    if (!daily) throw new Error('no daily bucket in the spec');
    const written = (name: string, first: string, last: string) => ({ name, records: 10, firstTime: first, lastTime: last });
    const stats = {
      measurements: [
        written('time_based_daily', '2026-12-01T00:00:00Z', '2026-12-06T00:00:00Z'),
        written('co_occurrence_daily', '2026-12-01T00:00:00Z', '2026-12-06T00:00:00Z'),
        { name: 'duration_daily', records: 0, firstTime: null, lastTime: null },
      ],
      unexpected: [],
    };
    const now = at('2026-12-06T20:00:00Z');
    const verdicts = bucketGate(stats, daily, '2026-11-01T00:00:00Z', now, graceSeconds);
    expect(verdicts.map((v) => [v.measurement, v.status])).toEqual([
      ['sequence_daily', 'fail'],
      ['room_based_daily', 'fail'],
      ['duration_daily', 'fail'],
      ['anomaly_daily', 'fail'],
    ]);
    const lenient = bucketGate(
      stats,
      { ...daily, grace: '10d', measurements: daily.measurements.map((m) => (m.name === 'anomaly_daily' ? { ...m, grace: '1h' } : m)) },
      '2026-11-01T00:00:00Z',
      now,
      graceSeconds,
    );
    expect(lenient.map((v) => [v.measurement, v.status, v.failsAt])).toEqual([
      ['sequence_daily', 'warn', '2026-12-11T00:00:00.000Z'],
      ['room_based_daily', 'warn', '2026-12-11T00:00:00.000Z'],
      ['duration_daily', 'warn', '2026-12-11T00:00:00.000Z'],
      ['anomaly_daily', 'fail', '2026-12-01T01:00:00.000Z'],
    ]);
  });
});
