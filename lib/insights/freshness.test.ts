import { describe, expect, it } from 'vitest';
import { freshnessOf } from './freshness';

const now = Date.parse('2026-11-28T20:00:00Z');
const base = {
  measurement: 'anomaly_daily',
  detector: 'AnomalyDetector',
  cadence: 'day' as const,
  bucketCreatedAt: '2026-08-01T00:00:00Z',
  othersWritten: true,
  now,
};

describe('freshness', () => {
  it('names the detector that has written nothing for 3 days', () => {
    const f = freshnessOf({ ...base, lastWritten: '2026-11-25T00:00:00Z' });
    expect(f?.kind).toBe('silent');
    expect(f?.detail).toMatch(/^AnomalyDetector has written nothing for 3 days/);
  });

  it('is quiet within two periods', () => {
    expect(freshnessOf({ ...base, lastWritten: '2026-11-27T00:00:00Z' })).toBeNull();
    expect(freshnessOf({ ...base, cadence: 'week', lastWritten: '2026-11-16T23:00:00Z' })).toBeNull();
  });

  it('flags a measurement never written while the rest of the bucket is', () => {
    const f = freshnessOf({ ...base, lastWritten: null });
    expect(f?.kind).toBe('never-written');
    expect(f?.detail).toContain('AnomalyDetector has never written anomaly_daily since the bucket was created on 2026-08-01');
  });

  it('leaves a new, empty install alone', () => {
    expect(freshnessOf({ ...base, lastWritten: null, othersWritten: false, bucketCreatedAt: '2026-11-28T10:00:00Z' })).toBeNull();
    expect(freshnessOf({ ...base, lastWritten: null, othersWritten: false })?.kind).toBe('never-written');
  });
});
