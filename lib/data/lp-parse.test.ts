import { describe, expect, it } from 'vitest';
import { LineTooLong, MAX_LINE_CHARS, MAX_RECORD_CHARS, parseRecord, RecordSplitter, type ParseResult } from './lp-parse';

function point(text: string, precision?: 'ns' | 'us' | 'ms' | 's') {
  const r = parseRecord(text, precision);
  if (r.kind !== 'point') throw new Error(`expected a point, got ${JSON.stringify(r, (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v))}`);
  return r.point;
}

function errorOf(text: string): string {
  const r: ParseResult = parseRecord(text);
  if (r.kind !== 'error') throw new Error(`expected an error for ${text}`);
  return r.message;
}

describe('parseRecord', () => {
  it('reads a measurement, sorted tags, every field type and the time', () => {
    const p = point('cpu,host=a,region=eu f=1.5,i=-3i,u=7u,b=t,s="x" 1700000000000000000');
    expect(p.measurement).toBe('cpu');
    expect(p.tags).toEqual([
      ['host', 'a'],
      ['region', 'eu'],
    ]);
    expect(p.fields).toEqual([
      { key: 'f', type: 'float', value: 1.5 },
      { key: 'i', type: 'integer', value: -3n },
      { key: 'u', type: 'unsigned', value: 7n },
      { key: 'b', type: 'boolean', value: true },
      { key: 's', type: 'string', value: 'x' },
    ]);
    expect(p.time).toBe(1_700_000_000_000_000_000n);
  });

  it('treats a number without a suffix as a float, 3 included', () => {
    expect(point('m v=3 1').fields[0]).toEqual({ key: 'v', type: 'float', value: 3 });
    expect(point('m v=-1.5e-3 1').fields[0]?.value).toBe(-0.0015);
  });

  it('unescapes the measurement: only a comma and a space', () => {
    expect(point('my\\ m\\,x\\=y v=1').measurement).toBe('my m,x\\=y');
  });

  it('unescapes tag keys and values: comma, space and equals sign; other backslashes stay', () => {
    expect(point('m,k\\ 1=a\\,b\\=c\\ d\\e v=1').tags).toEqual([['k 1', 'a,b=c d\\e']]);
    // InfluxDB looks only at the byte before a comma: `a\\,` is an escaped comma, never a backslash ending the value.
    expect(point('m,k=a\\\\,j\\=b v=1').tags).toEqual([['k', 'a\\,j=b']]);
    expect(errorOf('m,k=a\\\\,j=b v=1')).toBe('invalid tag format');
  });

  it('unescapes field keys and string values (backslash and double quote)', () => {
    const p = point('m f\\,k\\=\\ x="a\\"b\\\\c\\d" 1');
    expect(p.fields[0]).toEqual({ key: 'f,k= x', type: 'string', value: 'a"b\\c\\d' });
  });

  it('applies the precision to the time', () => {
    expect(point('m v=1 1700000000', 's').time).toBe(1_700_000_000_000_000_000n);
    expect(point('m v=1 1700000000000', 'ms').time).toBe(1_700_000_000_000_000_000n);
    expect(point('m v=1 -5', 'us').time).toBe(-5_000n);
  });

  it('leaves the time null when the line has none', () => {
    expect(point('m v=1').time).toBeNull();
    expect(point('m v=1  ').time).toBeNull();
  });

  it('skips blank lines and comments, and reads a precision comment', () => {
    expect(parseRecord('   ')).toEqual({ kind: 'blank' });
    expect(parseRecord('# hello')).toEqual({ kind: 'comment', precision: null });
    expect(parseRecord('# precision=ms')).toEqual({ kind: 'comment', precision: 'ms' });
  });

  it.each([
    ['m', 'missing fields'],
    [',t=1 v=1', 'missing measurement'],
    ['m,t v=1', 'missing tag value'],
    ['m,t= v=1', 'missing tag value'],
    ['m,t=a=b v=1', 'invalid tag format'],
    ['m,_field=x v=1', 'cannot use reserved tag key "_field"'],
    ['m,a=1,a=2 v=1', 'duplicate tags'],
    ['m v', 'invalid field format'],
    ['m v=', 'missing field value'],
    ['m =1', 'missing field key'],
    ['m v="abc', 'unbalanced quotes'],
    ['m v=1.2.3', 'invalid number'],
    ['m v=NaN', 'invalid number'],
    ['m v=1e400', 'invalid float'],
    ['m v=99999999999999999999i', 'unable to parse integer 99999999999999999999: value out of range'],
    ['m v=-1u', 'invalid number'],
    ['m v=yes', 'invalid boolean'],
    ['m v=1 12x', 'bad timestamp'],
    ['m v=1 12 13', 'point is invalid (text after the timestamp)'],
  ])('refuses %s: %s', (line, message) => {
    expect(errorOf(line)).toBe(message);
  });
});

describe('RecordSplitter', () => {
  const split = (chunks: string[]) => {
    const s = new RecordSplitter();
    return [...chunks.flatMap((c) => s.push(c)), ...s.end()];
  };

  it('reads \\n, \\r\\n and CR-only line endings alike, wherever the chunks cut them', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = ['a v=1 1', 'b v=2 2', 'c s="x" 3'].join(eol) + eol;
      for (let size = 1; size <= text.length; size++) {
        const chunks: string[] = [];
        for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
        expect(split(chunks), JSON.stringify({ eol, size })).toEqual([
          { line: 1, text: 'a v=1 1' },
          { line: 2, text: 'b v=2 2' },
          { line: 3, text: 'c s="x" 3' },
        ]);
      }
    }
  });

  it('refuses a line longer than MAX_LINE_CHARS with its number, holding no more than that', () => {
    const s = new RecordSplitter();
    s.push('ok v=1 1\n');
    const chunk = 'x'.repeat(64 * 1024);
    let pushed = 0;
    const pushAll = () => {
      for (; pushed < 2 * MAX_LINE_CHARS; pushed += chunk.length) s.push(chunk);
    };
    expect(pushAll).toThrow(LineTooLong);
    expect(pushed).toBeLessThanOrEqual(MAX_LINE_CHARS + chunk.length);
    expect(() => new RecordSplitter().push('y'.repeat(MAX_LINE_CHARS + 1))).toThrow(/Line 1 is longer than 4 MiB/);
  });

  it('numbers records by the line they start on, across chunks', () => {
    const s = new RecordSplitter();
    const records = [...s.push('a v=1\n\nb v='), ...s.push('2\r\n# c\nd v=3'), ...s.end()];
    expect(records).toEqual([
      { line: 1, text: 'a v=1' },
      { line: 2, text: '' },
      { line: 3, text: 'b v=2' },
      { line: 4, text: '# c' },
      { line: 5, text: 'd v=3' },
    ]);
  });

  it('keeps a line break inside a quoted string field in its record', () => {
    const s = new RecordSplitter();
    const records = [...s.push('m s="one\ntwo \\" still\nthree" 1\nm,t=a"b v=2 2\n'), ...s.end()];
    expect(records).toEqual([
      { line: 1, text: 'm s="one\ntwo \\" still\nthree" 1' },
      { line: 4, text: 'm,t=a"b v=2 2' },
    ]);
    expect(point(records[0]?.text ?? '').fields[0]?.value).toBe('one\ntwo " still\nthree');
  });

  it('carries a string field across chunks that cut it anywhere', () => {
    const text = 'a v=1 1\nm s="x\ny, z=\\"w\n" 2\nb v=2 3\n';
    for (let size = 1; size <= text.length; size++) {
      const s = new RecordSplitter();
      const records = [];
      for (let i = 0; i < text.length; i += size) records.push(...s.push(text.slice(i, i + size)));
      records.push(...s.end());
      expect(records.map((r) => r.line)).toEqual([1, 2, 5]);
      expect(records[1]?.text).toBe('m s="x\ny, z=\\"w\n" 2');
    }
  });

  it('gives up a string that never closes after MAX_RECORD_CHARS: its first line alone is the bad record', () => {
    const s = new RecordSplitter();
    const filler = Array.from({ length: Math.ceil(MAX_RECORD_CHARS / 10) + 10 }, (_, i) => `f v=${i} 1`);
    const records = [...s.push(['m s="never closed', ...filler].join('\n') + '\n'), ...s.end()];
    expect(records[0]).toEqual({ line: 1, text: 'm s="never closed' });
    expect(parseRecord(records[0]?.text ?? '')).toEqual({ kind: 'error', message: 'unbalanced quotes' });
    expect(records.length).toBe(filler.length + 1);
    expect(records.at(-1)).toEqual({ line: filler.length + 1, text: filler.at(-1) });
  });
});
