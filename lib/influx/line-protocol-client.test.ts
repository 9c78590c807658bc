import { Point } from '@influxdata/influxdb-client';
import { describe, expect, it } from 'vitest';
import { quoteString, toLine } from '@/lib/model/line-protocol';

describe('line protocol', () => {
  it('escapes spaces, commas and equals signs in tags as the client library does', () => {
    const tags = { entity_id: 'light.living room, left=on', domain: 'light' };
    const ours = toLine('time_based_daily', tags, { confidence: { type: 'float', value: 0.85 }, occurrences: { type: 'integer', value: 300 } }, 1_000n);
    const p = new Point('time_based_daily')
      .tag('entity_id', tags.entity_id)
      .tag('domain', 'light')
      .floatField('confidence', 0.85)
      .intField('occurrences', 300)
      .timestamp('1000');
    expect(ours).toBe(p.toLineProtocol());
    expect(ours).toBe('time_based_daily,domain=light,entity_id=light.living\\ room\\,\\ left\\=on confidence=0.85,occurrences=300i 1000');
  });

  it('quotes string fields, escaping quotes and backslashes', () => {
    const json = JSON.stringify({ 'say "hi"': 'a\\b' });
    const ours = toLine('m', {}, { device_usage: { type: 'string', value: json } }, 5n);
    const p = new Point('m').stringField('device_usage', json).timestamp('5');
    expect(ours).toBe(p.toLineProtocol());
    expect(quoteString('a"b\\c')).toBe('"a\\"b\\\\c"');
  });

  it('escapes measurement names and field keys', () => {
    const ours = toLine('my measurement,x', { 'tag key': 'v' }, { 'field key=1': { type: 'integer', value: 1 } }, 1n);
    expect(ours).toBe('my\\ measurement\\,x,tag\\ key=v field\\ key\\=1=1i 1');
  });

  it('refuses non-integer integers, infinite floats and pointless points', () => {
    expect(() => toLine('m', {}, { n: { type: 'integer', value: 1.5 } }, 1n)).toThrow(RangeError);
    expect(() => toLine('m', {}, { n: { type: 'float', value: Number.NaN } }, 1n)).toThrow(RangeError);
    expect(() => toLine('m', {}, {}, 1n)).toThrow(RangeError);
  });
});
