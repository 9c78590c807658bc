import { describe, expect, it } from 'vitest';
import { cardinalityQuery, countQuery, recordFilter, statsQuery } from './stats';

const evil = 'b"ucket ${danger} \\ end';

describe('stats Flux', () => {
  it('escapes bucket and measurement names as Flux string literals', () => {
    const q = countQuery(evil, [{ name: 'm"1', countField: 'f${x}' }]);
    expect(q).toContain('from(bucket: "b\\"ucket \\${danger} \\\\ end")');
    expect(q).toContain('r._measurement == "m\\"1" and r._field == "f\\${x}"');
    expect(q).not.toContain('${danger}"');
  });

  it('counts one field per known measurement and every field of the others, never the probe', () => {
    const filter = recordFilter([{ name: 'a', countField: 'x' }]).toString();
    expect(filter).toBe('(r._measurement == "a" and r._field == "x") or (r._measurement != "a" and r._measurement != "_homeiq_console_probe")');
  });

  it('keeps aggregates in the pushdown shape: range, filter, then the aggregate', () => {
    expect(countQuery('b', [{ name: 'a', countField: 'x' }])).toMatch(/\|> range\([^)]*\)\n\s+\|> filter\([^\n]*\)\n\s+\|> count\(\)/);
    expect(statsQuery('b', [{ name: 'a', countField: 'x' }])).toMatch(/\|> filter\([^\n]*\)\n\s+\|> aggregateWindow\(every: 1d, fn: count/);
  });

  it('asks union() only for two or more measurements', () => {
    expect(cardinalityQuery('b', ['a'])).not.toContain('union(');
    expect(cardinalityQuery('b', ['a', 'c'])).toContain('union(');
    expect(cardinalityQuery('b', [])).toBe('');
  });
});
