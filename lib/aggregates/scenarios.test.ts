import { describe, expect, it } from 'vitest';
import { sampleAggregates } from './sample';
import { withScenario, type ScenarioItem } from './scenarios';

const now = new Date('2026-11-28T20:00:00Z');
const sample = () => sampleAggregates({ days: 10, weeks: 4, entities: 3, seed: 1, now });
const all = (items: Iterable<ScenarioItem>) => [...items];

describe('sample scenarios', () => {
  it('silent-detector: AnomalyDetector stops 3 days ago and DurationDetector never writes', () => {
    const items = all(withScenario(sample(), 'silent-detector', { now }));
    expect(items.some((i) => i.measurement === 'duration_daily')).toBe(false);
    const days = items.flatMap((i) => (i.measurement === 'anomaly_daily' ? [i.record.date] : []));
    expect(days.sort().at(-1)).toBe('2026-11-25');
    expect(items.some((i) => i.measurement === 'time_based_daily' && i.record.date === '2026-11-28')).toBe(true);
  });

  it('backfill: every weekly and monthly point is stamped within a minute of now, twice', () => {
    const items = all(withScenario(sample(), 'backfill', { now }));
    const periodic = items.filter((i) => i.writtenAt);
    const plain = all(sample()).filter((i) => i.writtenAt);
    expect(periodic.length).toBe(2 * plain.length);
    for (const i of periodic) expect(now.getTime() - (i.writtenAt?.getTime() ?? 0)).toBeLessThanOrEqual(60_000);
  });

  it('type-conflict: the oldest shard group gets the field as a float', () => {
    const items = all(withScenario(sample(), 'type-conflict', { now, inFirstGroup: (d) => d === '2026-11-19' }));
    const floats = items.filter((i) => i.asFloat);
    expect(floats).toHaveLength(1);
    expect(floats.every((i) => i.measurement === 'anomaly_daily' && i.record.date === '2026-11-19')).toBe(true);
  });
});
