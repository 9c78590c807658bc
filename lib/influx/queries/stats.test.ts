import { describe, expect, it } from 'vitest';
import { cardinalityQuery, countQuery, dayTotalsQuery, edgeTimesQuery, statsQuery } from './stats';

const evil = 'b"ucket ${danger} \\ end';

describe('stats Flux', () => {
  it('escapes bucket and measurement names as Flux string literals', () => {
    const q = countQuery(evil);
    expect(q).toContain('from(bucket: "b\\"ucket \\${danger} \\\\ end")');
    expect(q).not.toContain('${danger}"');
    expect(edgeTimesQuery('b', [{ measurement: 'm"1', firstDay: '2026-01-01', lastDay: '2026-01-02' }])).toContain('r._measurement == "m\\"1"');
  });

  it('counts points, not field values: every field of a series merged, one row per timestamp, never the probe', () => {
    const q = countQuery('b');
    expect(q).toContain('filter(fn: (r) => r._measurement != "_homeiq_console_probe")');
    expect(q).not.toContain('r._field ==');
    // drop() merges the fields of a series (of any types) into one table; unique() keeps a row per time.
    expect(q).toMatch(/\|> drop\(columns: \["_value", "_field"\]\)\n\s+\|> unique\(column: "_time"\)/);
    expect(q).not.toContain('mode: "except"');
  });

  it('counts per day from the same points, and looks for first and last times in every field', () => {
    const q = statsQuery('b');
    expect(q).toContain('unique(column: "_time")');
    // Days are windowed once per measurement, after its series are merged, not per series.
    expect(q).toMatch(/group\(columns: \["_measurement"\]\)\n\s+\|> aggregateWindow\(every: 1d, fn: count/);
    // Once for the points per day, once for the series per day of their first point.
    expect(q.match(/aggregateWindow/g)).toHaveLength(2);
    expect(q).toContain('yield(name: "totals")');
    expect(q).toContain('yield(name: "perday")');
    expect(q).toMatch(/data\n\s+\|> min\(column: "_time"\)\n\s+\|> group\(columns: \["_measurement"\]\)\n\s+\|> aggregateWindow\(every: 1d, fn: count[^\n]*\n[^\n]*\n\s+\|> yield\(name: "firstperday"\)/);
    expect(edgeTimesQuery('b', [{ measurement: 'm', firstDay: '2026-01-01', lastDay: '2026-01-02' }])).not.toContain('_field');
  });

  it('reads only the totals of one day, under the name the slice reader knows', () => {
    const q = dayTotalsQuery('b', { start: '2026-11-27T00:00:00Z', stop: '2026-11-28T00:00:00Z' });
    expect(q).toContain('range(start: 2026-11-27T00:00:00Z, stop: 2026-11-28T00:00:00Z)');
    expect(q).toContain('yield(name: "totals")');
    expect(q).not.toContain('aggregateWindow');
    expect(() => dayTotalsQuery('b', { start: '2026-11-27', stop: 'now()' })).toThrow(RangeError);
  });

  it('asks union() only for two or more measurements', () => {
    expect(cardinalityQuery('b', ['a'])).not.toContain('union(');
    expect(cardinalityQuery('b', ['a', 'c'])).toContain('union(');
    expect(cardinalityQuery('b', [])).toBe('');
  });
});
