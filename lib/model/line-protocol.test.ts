import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldText, lineOfRow, rfc3339ToNs, seriesPrefix, toLine, unwritable, type FieldType } from './line-protocol';
import { parseRecord } from '../data/lp-parse';

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
    const prefix = prefixOf(
      'my m,1',
      [
        ['zone', 'a b'],
        ['host', 'x=y,z'],
        ['empty', ''],
      ],
      'f k',
    );
    expect(prefix).toBe('my\\ m\\,1,host=x\\=y\\,z,zone=a\\ b f\\ k=');
    expect(lineOfRow(prefix, 'integer', '-3', '1970-01-01T00:00:01Z')).toBe('my\\ m\\,1,host=x\\=y\\,z,zone=a\\ b f\\ k=-3i 1000000000');
    expect(fieldText('unsigned', '18446744073709551615')).toBe('18446744073709551615u');
    expect(fieldText('float', '3')).toBe('3');
    expect(fieldText('string', 'a"b\\c\nd')).toBe('"a\\"b\\\\c\nd"');
    expect(fieldText('boolean', 'false')).toBe('false');
  });

  it('keeps a float that looks whole a float, and the float Flux wrote exactly', () => {
    for (const text of ['3', '-0', '0.1', '1.7976931348623157e+308', '0.000000000000000000000000000001', '123456789012345680000']) {
      const value = parsed(`m ${prefixOf('m', [], 'v').slice(2)}${fieldText('float', text)} 1`).fields[0];
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

describe('toLine', () => {
  const f = { f: { type: 'string' as const, value: 'v' } };

  it('keeps a backslash literal in names, as InfluxDB reads it and HomeIQ’s writer writes it', () => {
    expect(toLine('m', { k: 'a\\b' }, { 'x\\y': { type: 'integer', value: 1 } }, 1n)).toBe('m,k=a\\b x\\y=1i 1');
  });

  it('sorts tags and fields by key and leaves out empty tag values', () => {
    expect(toLine('m', { b: '2', a: '1', c: '' }, { z: { type: 'boolean', value: true }, y: { type: 'unsigned', value: 7n } }, 3n)).toBe(
      'm,a=1,b=2 y=7u,z=true 3',
    );
  });

  it('writes floats as Python does (HomeIQ’s writer), less a trailing .0', () => {
    const line = (value: number) => toLine('m', {}, { v: { type: 'float', value } }, 1n).split(' ')[1];
    expect([2, 0.85, 1e-7, 1.5e-7, 0.0001, 0.00001, 1e15, 1e16, -2.5e-300].map(line)).toEqual([
      'v=2',
      'v=0.85',
      'v=1e-07',
      'v=1.5e-07',
      'v=0.0001',
      'v=1e-05',
      'v=1000000000000000',
      'v=1e+16',
      'v=-2.5e-300',
    ]);
  });

  it('refuses a name line protocol cannot hold rather than writing another', () => {
    expect(() => toLine('m', { k: 'ends\\' }, f, 1n)).toThrow(/ends in a backslash/);
    expect(() => toLine('m', { k: 'two\nlines' }, f, 1n)).toThrow(/line break/);
    expect(() => toLine('a\\,b', {}, f, 1n)).toThrow(/backslash before/);
    expect(() => toLine('m', {}, { 'a\\ b': { type: 'string', value: 'v' } }, 1n)).toThrow(/backslash before/);
    expect(() => toLine('m', {}, { u: { type: 'unsigned', value: -1 } }, 1n)).toThrow(RangeError);
  });
});
