import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldValue, lineOfRow, rfc3339ToNs, seriesPrefix, unwritable, type FieldType } from './lp-from-rows';
import { parseRecord } from './lp-parse';

function parsed(line: string) {
  const r = parseRecord(line);
  if (r.kind !== 'point') throw new Error(`not a point: ${line} (${JSON.stringify(r)})`);
  return r.point;
}

function prefixOf(measurement: string, tags: [string, string][], field: string): string {
  const p = seriesPrefix({ measurement, tags, field });
  if (!('prefix' in p)) throw new Error(p.unwritable);
  return p.prefix;
}

describe('rfc3339ToNs', () => {
  it('reads the nanoseconds Flux writes, trailing zeros trimmed', () => {
    expect(rfc3339ToNs('2026-11-01T00:00:00Z')).toBe('1793491200000000000');
    expect(rfc3339ToNs('2026-11-01T00:00:00.5Z')).toBe('1793491200500000000');
    expect(rfc3339ToNs('2026-11-01T00:00:00.000000001Z')).toBe('1793491200000000001');
    expect(rfc3339ToNs('1970-01-01T00:00:00.000000042Z')).toBe('42');
    expect(rfc3339ToNs('1969-12-31T23:59:59.9Z')).toBe('-100000000');
  });

  it('refuses anything else', () => {
    expect(() => rfc3339ToNs('2026-11-01 00:00:00')).toThrow(RangeError);
  });
});

describe('one row as one line', () => {
  it('escapes names as InfluxDB reads them, and keeps each field type', () => {
    const prefix = prefixOf('my m,1', [['zone', 'a b'], ['host', 'x=y,z'], ['empty', '']], 'f k');
    expect(prefix).toBe('my\\ m\\,1,host=x\\=y\\,z,zone=a\\ b f\\ k=');
    expect(lineOfRow(prefix, 'integer', '-3', '1970-01-01T00:00:01Z')).toBe('my\\ m\\,1,host=x\\=y\\,z,zone=a\\ b f\\ k=-3i 1000000000');
    expect(fieldValue('unsigned', '18446744073709551615')).toBe('18446744073709551615u');
    expect(fieldValue('float', '3')).toBe('3');
    expect(fieldValue('string', 'a"b\\c\nd')).toBe('"a\\"b\\\\c\nd"');
    expect(fieldValue('boolean', 'false')).toBe('false');
  });

  it('keeps a float that looks whole a float, and the float Flux wrote exactly', () => {
    for (const text of ['3', '-0', '0.1', '1.7976931348623157e+308', '0.000000000000000000000000000001', '123456789012345680000']) {
      const value = parsed(`m ${prefixOf('m', [], 'v').slice(2)}${fieldValue('float', text)} 1`).fields[0];
      expect(value).toEqual({ key: 'v', type: 'float', value: Number(text) });
    }
  });

  it('says which names line protocol cannot hold', () => {
    expect(unwritable('tag', 'ends\\')).toMatch(/ends in a backslash/);
    expect(unwritable('tag', 'two\nlines')).toMatch(/line break/);
    expect(unwritable('measurement', '#comment')).toMatch(/starts with/);
    expect(unwritable('field', 'a\\,b')).toMatch(/backslash before/);
    expect(unwritable('tag', 'a\\,b c\\d')).toBeNull();
    expect('unwritable' in seriesPrefix({ measurement: 'm', tags: [['k', 'v\\']], field: 'f' })).toBe(true);
  });
});

/** Names with every character line protocol treats specially, and some that it does not. */
const name = fc.string({ unit: fc.constantFrom('a', 'Z', '0', ' ', ',', '=', '"', '\\', 'é', '温', '🌡', '_', '-', '.', "'"), minLength: 1, maxLength: 8 });
const valueOf: Record<FieldType, fc.Arbitrary<string>> = {
  float: fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => String(v)),
  integer: fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map(String),
  unsigned: fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }).map(String),
  boolean: fc.boolean().map(String),
  string: fc.string({ unit: fc.constantFrom('a', ' ', ',', '=', '"', '\\', '\n', 'é', '🌡') }),
};

describe('round trip: a row written as a line reads back as the same row', () => {
  it('for any writable names, any field type and any time', () => {
    fc.assert(
      fc.property(
        name,
        fc.uniqueArray(fc.tuple(name, name), { selector: ([k]) => k, maxLength: 3 }),
        name,
        fc.constantFrom<FieldType>('float', 'integer', 'unsigned', 'boolean', 'string').chain((t) => valueOf[t].map((v) => [t, v] as const)),
        fc.integer({ min: -2_000_000_000, max: 4_000_000_000 }),
        (measurement, tags, field, [type, value], seconds) => {
          const prefix = seriesPrefix({ measurement, tags, field });
          fc.pre('prefix' in prefix);
          if (!('prefix' in prefix)) return;
          const time = new Date(seconds * 1000).toISOString().replace('.000Z', '.123456789Z');
          const p = parsed(lineOfRow(prefix.prefix, type, value, time));
          expect(p.measurement).toBe(measurement);
          expect(p.tags).toEqual([...tags].sort(([a], [b]) => (a < b ? -1 : 1)));
          const expected = type === 'float' ? Number(value) : type === 'boolean' ? value === 'true' : type === 'string' ? value : BigInt(value);
          expect(p.fields).toEqual([{ key: field, type, value: expected }]);
          expect(p.time).toBe(BigInt(seconds) * 1_000_000_000n + 123_456_789n);
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
