import { describe, expect, it } from 'vitest';
import { measuredGrowth, MIN_GROWTH_SPAN_MS, project, recordsRatePerDay, slopePerDay, type ProjectionInput } from './projection';

const now = Date.parse('2026-11-27T12:00:00Z');
const DAY = 86_400_000;
const base: ProjectionInput = {
  now,
  windowDays: 90,
  records: 900,
  recordsPerDay: 60,
  diskBytes: 90_000,
  estimatedRecords: 9000,
  budget: { maxBytes: null, maxRecords: null },
};

describe('slopePerDay', () => {
  it('is null for an empty or single-sample history', () => {
    expect(slopePerDay([])).toBeNull();
    expect(slopePerDay([{ t: now, v: 5 }])).toBeNull();
    expect(
      slopePerDay([
        { t: now, v: 5 },
        { t: now + 1000, v: 6 },
      ]),
    ).toBeNull();
  });
  it('fits a straight line through noisy samples', () => {
    const pts = Array.from({ length: 10 }, (_, i) => ({ t: now + i * DAY, v: 1000 + 100 * i + (i % 2 ? 5 : -5) }));
    expect(slopePerDay(pts)).toBeCloseTo(100, 0);
  });
});

describe('recordsRatePerDay', () => {
  it('is null without data', () => {
    expect(recordsRatePerDay([], now)).toBeNull();
  });
  it('averages over the covered days when there are fewer than the lookback', () => {
    const perDay = [
      { day: '2026-11-25', records: 10 },
      { day: '2026-11-26', records: 20 },
      { day: '2026-11-27', records: 30 },
    ];
    expect(recordsRatePerDay(perDay, now)).toBeCloseTo(60 / 3, 5);
  });
  it('averages bursts over the lookback window', () => {
    const perDay = Array.from({ length: 8 }, (_, i) => ({ day: new Date(now - i * 7 * DAY).toISOString().slice(0, 10), records: 70 }));
    expect(recordsRatePerDay(perDay, now, 28)).toBeCloseTo((70 * 4) / 28, 5);
  });
});

describe('project', () => {
  it('projects records and bytes at a full window from the current rate', () => {
    const p = project(base);
    expect(p.bytesPerRecord).toBe(100);
    expect(p.recordsAtFullWindow).toBe(5400);
    expect(p.bytesAtFullWindow).toBe(540_000);
    expect(p.estimateRatio).toBeCloseTo(0.6, 5);
    expect(p.warnings).toEqual([]);
  });

  it('warns when growth runs above twice the estimate', () => {
    const p = project({ ...base, recordsPerDay: 300 });
    expect(p.estimateRatio).toBeCloseTo(3, 5);
    expect(p.warnings[0]).toContain('3.0×');
  });

  it('dates the crossing of a budget below the projection, and warns within 30 days', () => {
    const p = project({ ...base, budget: { maxBytes: null, maxRecords: 2100 } });
    expect(p.crossings).toEqual([{ kind: 'records', budget: 2100, date: '2026-12-17', withinDays: 20 }]);
    expect(p.warnings).toContain('The records budget will be crossed in 20 days (2026-12-17).');
  });

  it('never crosses a budget above the steady state', () => {
    const p = project({ ...base, budget: { maxBytes: 1_000_000, maxRecords: 6000 } });
    expect(p.crossings.map((c) => c.date)).toEqual([null, null]);
    expect(p.warnings).toEqual([]);
  });

  it('says when a bucket is already over budget', () => {
    const p = project({ ...base, budget: { maxBytes: 50_000, maxRecords: null } });
    expect(p.crossings[0]).toMatchObject({ kind: 'bytes', date: 'now' });
    expect(p.warnings).toContain('Already over the bytes budget.');
  });

  it('cannot project an empty bucket, infinite retention, or without disk figures', () => {
    const empty = project({ ...base, records: 0, recordsPerDay: null, diskBytes: 0 });
    expect(empty).toMatchObject({ recordsAtFullWindow: null, bytesAtFullWindow: null, bytesPerRecord: null, estimateRatio: null, warnings: [] });
    expect(project({ ...base, windowDays: null }).recordsAtFullWindow).toBeNull();
    expect(project({ ...base, diskBytes: null }).bytesAtFullWindow).toBeNull();
  });
});

describe('measuredGrowth', () => {
  const HOUR = 3_600_000;
  const samples = (spanMs: number, perDay: number) =>
    Array.from({ length: 11 }, (_, i) => ({ t: now + (i * spanMs) / 10, v: 1_000_000 + (perDay * (i * spanMs)) / 10 / DAY }));

  it('gives no rate from a few minutes of samples, and says how long until it does', () => {
    // A cache flush in 5 minutes would otherwise read as 1.8 GB a day.
    const g = measuredGrowth(samples(5 * 60_000, 1.8e9));
    expect(g.perDay).toBeNull();
    expect(g.spanMs).toBe(5 * 60_000);
    expect(g.pendingMs).toBe(MIN_GROWTH_SPAN_MS - 5 * 60_000);
  });

  it('gives the rate once the samples span six hours, with the span it rests on', () => {
    const g = measuredGrowth(samples(6 * HOUR, 50_000));
    expect(g.perDay).toBeCloseTo(50_000, 0);
    expect(g).toMatchObject({ spanMs: 6 * HOUR, pendingMs: 0, minSpanMs: 6 * HOUR });
  });

  it('is pending the whole span without samples', () => {
    expect(measuredGrowth([])).toEqual({ perDay: null, spanMs: 0, pendingMs: MIN_GROWTH_SPAN_MS, minSpanMs: MIN_GROWTH_SPAN_MS });
  });
});

describe('project with bytes not flushed yet', () => {
  it('does not turn 0 bytes beside records into 0 bytes per record', () => {
    const p = project({ ...base, diskBytes: 0 });
    expect(p.bytesPerRecord).toBeNull();
    expect(p.bytesPerDay).toBeNull();
    expect(p.bytesAtFullWindow).toBeNull();
    expect(p.recordsAtFullWindow).toBe(5400);
  });
});
