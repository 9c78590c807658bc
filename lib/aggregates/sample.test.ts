import { describe, expect, it } from 'vitest';
import { ai5Spec } from '../spec/load';
import { encodeAggregate, pythonJson } from './encode';
import { isoWeek, sampleAggregates, sampleSize, type SampleOptions } from './sample';

const opts: SampleOptions = { days: 14, weeks: 8, entities: 6, seed: 42, now: new Date('2026-11-27T12:00:00Z') };
const specs = new Map(ai5Spec().buckets.flatMap((b) => b.measurements.map((m) => [m.name, m] as const)));

describe('sample aggregates', () => {
  it('are deterministic for the same options', () => {
    expect([...sampleAggregates(opts)]).toEqual([...sampleAggregates(opts)]);
    expect([...sampleAggregates({ ...opts, seed: 43 })]).not.toEqual([...sampleAggregates(opts)]);
  });

  it('yield exactly sampleSize points, covering all ten measurements', () => {
    const items = [...sampleAggregates(opts)];
    expect(items).toHaveLength(sampleSize(opts));
    expect(new Set(items.map((i) => i.measurement)).size).toBe(10);
  });

  it('never write two points to the same series and time, so every point is kept', () => {
    for (const entities of [1, 6, 10, 30]) {
      const o = { ...opts, entities };
      const keys = new Set<string>();
      let n = 0;
      for (const item of sampleAggregates(o)) {
        const spec = specs.get(item.measurement);
        if (!spec) throw new Error(item.measurement);
        const line = encodeAggregate(spec, item.record as unknown as Record<string, unknown>, item.writtenAt);
        keys.add(`${line.slice(0, line.indexOf(' '))} ${line.slice(line.lastIndexOf(' ') + 1)}`);
        n++;
      }
      expect(keys.size).toBe(n);
      expect(n).toBe(sampleSize(o));
    }
  });

  it('encode in the wire format of every measurement of the spec', () => {
    for (const item of sampleAggregates(opts)) {
      const spec = specs.get(item.measurement);
      if (!spec) throw new Error(item.measurement);
      const line = encodeAggregate(spec, item.record as unknown as Record<string, unknown>, item.writtenAt);
      expect(line.startsWith(`${item.measurement},`)).toBe(true);
    }
  });

  it('stamp daily points at midnight UTC of their date, and weekly ones at or before now', () => {
    const items = [...sampleAggregates(opts)];
    const daily = items.find((i) => i.measurement === 'time_based_daily');
    const spec = specs.get('time_based_daily');
    if (!daily || !spec) throw new Error('missing');
    const line = encodeAggregate(spec, daily.record as unknown as Record<string, unknown>);
    expect(line.endsWith(` ${BigInt(Date.parse('2026-11-14T00:00:00Z')) * 1_000_000n}`)).toBe(true);
    expect(line).toContain('occurrences=');
    expect(line).toMatch(/occurrences=\d+i/);
    expect(line).toMatch(/hourly_distribution="\[[\d, ]+\]"/);
    for (const i of items) if (i.writtenAt) expect(i.writtenAt.getTime()).toBeLessThanOrEqual(opts.now?.getTime() ?? 0);
  });

  it('names ISO weeks as YYYY-Www', () => {
    expect(isoWeek(new Date('2026-01-01T00:00:00Z'))).toBe('2026-W01');
    expect(isoWeek(new Date('2024-12-30T00:00:00Z'))).toBe('2025-W01');
    expect(isoWeek(new Date('2026-11-27T00:00:00Z'))).toBe('2026-W48');
  });

  it('write JSON fields as Python’s json.dumps does (HomeIQ’s writer): spaced, ASCII only, two-digit exponents', () => {
    // python3 -c 'import json; print(json.dumps({"a b": [1, 2.5, 1e-7, "é🌡\"\\"], "x": None, "t": True}))'
    expect(pythonJson({ 'a b': [1, 2.5, 1e-7, 'é🌡"\\'], x: null, t: true })).toBe(
      '{"a b": [1, 2.5, 1e-07, "\\u00e9\\ud83c\\udf21\\"\\\\"], "x": null, "t": true}',
    );
  });
});
