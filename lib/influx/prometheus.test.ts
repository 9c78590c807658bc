import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePrometheus, PromParseError, sumBy } from './prometheus';

const real = readFileSync(new URL('../../tests/fixtures/influxd-v2.8.0-metrics.txt', import.meta.url), 'utf8');

describe('parsePrometheus', () => {
  it('parses the real /metrics output of the test influxd', () => {
    const families = parsePrometheus(real);
    expect(families.get('storage_shard_disk_size')?.type).toBe('gauge');
    expect(families.get('storage_shard_disk_size')?.help).toBe('Gauge of the disk size for the shard');
    const disk = sumBy(families, 'storage_shard_disk_size', 'bucket');
    // The fixture's two buckets with shards on disk; their sizes are whatever influxd wrote: only a lower bound is known.
    expect([...disk.keys()].sort()).toEqual(['faae6437b71f0eae', 'fb85a03efdc92a8f']);
    for (const bytes of disk.values()) expect(bytes).toBeGreaterThan(0);
    const series = sumBy(families, 'storage_bucket_series_num', 'bucket');
    expect([...series.values()].reduce((a, b) => a + b, 0)).toBe(7346);
    // Histograms keep their _bucket/_sum/_count samples under the family name.
    const hist = [...families.values()].find((f) => f.type === 'histogram');
    expect(hist?.samples.some((s) => s.name.endsWith('_bucket'))).toBe(true);
  });

  it('unescapes label values and reads special values and timestamps', () => {
    const families = parsePrometheus(
      [
        '# HELP m A metric\\nwith two lines',
        '# TYPE m gauge',
        'm{path="C:\\\\data",q="say \\"hi\\"",n="a\\nb"} 1.5e3 1700000000000',
        'm{path="x"} +Inf',
        'other NaN',
        '# a free comment',
        '',
      ].join('\n'),
    );
    const m = families.get('m');
    expect(m?.help).toBe('A metric\nwith two lines');
    expect(m?.samples[0]).toEqual({ name: 'm', labels: { path: 'C:\\data', q: 'say "hi"', n: 'a\nb' }, value: 1500 });
    expect(m?.samples[1]?.value).toBe(Number.POSITIVE_INFINITY);
    expect(Number.isNaN(families.get('other')?.samples[0]?.value)).toBe(true);
  });

  it('reports malformed lines with their number', () => {
    expect(() => parsePrometheus('good 1\nbad{x="1" 2')).toThrow(PromParseError);
    expect(() => parsePrometheus('m abc')).toThrow(/line 1/);
  });

  it('sums by a label, skipping samples without it', () => {
    const f = parsePrometheus('d{bucket="a",id="1"} 10\nd{bucket="a",id="2"} 5\nd{bucket="b"} 1\nd 100');
    expect(Object.fromEntries(sumBy(f, 'd', 'bucket'))).toEqual({ a: 15, b: 1 });
  });
});
