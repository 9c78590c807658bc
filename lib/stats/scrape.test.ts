import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePrometheus } from '../influx/prometheus';
import { rejectionsOf } from '../insights/rejected';
import { bucketShards, instanceOf } from './change-signal';
import { SCRAPED_METRICS } from './scrape';

const real = readFileSync(new URL('../../tests/fixtures/influxd-v2.8.0-metrics.txt', import.meta.url), 'utf8');
const BUCKETS = ['faae6437b71f0eae', 'fb85a03efdc92a8f'];

describe('a scrape keeps only what the console reads from /metrics', () => {
  const all = parsePrometheus(real);
  const kept = parsePrometheus(real, (name) => SCRAPED_METRICS.has(name));

  it('gives every reader of a scrape the figures the whole /metrics gives (real influxd v2.8.0 output)', () => {
    for (const bucket of BUCKETS) {
      const shards = bucketShards(kept, bucket);
      expect(Object.keys(shards).length, `${bucket} has shards in the fixture`).toBeGreaterThan(10);
      expect(shards).toEqual(bucketShards(all, bucket));
      expect(rejectionsOf(kept, bucket)).toEqual(rejectionsOf(all, bucket));
    }
    expect(instanceOf(kept, 1_000)).toEqual(instanceOf(all, 1_000));
    expect(instanceOf(kept, 1_000)).not.toBeNull();
  });

  it('holds a fraction of the samples', () => {
    const count = (families: ReturnType<typeof parsePrometheus>) => [...families.values()].reduce((n, f) => n + f.samples.length, 0);
    expect(count(kept)).toBeLessThan(count(all) / 3);
    expect(
      [...kept.values()]
        .filter((f) => f.samples.length > 0)
        .map((f) => f.name)
        .sort(),
    ).toEqual([...SCRAPED_METRICS].filter((m) => all.get(m)?.samples.length).sort());
  });
});
