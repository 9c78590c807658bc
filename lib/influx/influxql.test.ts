import { describe, expect, it } from 'vitest';
import { influxqlChunk, quoteIdent, timeLiteral } from './influxql';

describe('InfluxQL quoting', () => {
  it('quotes a measurement name whatever it holds', () => {
    expect(quoteIdent('time_based_daily')).toBe('"time_based_daily"');
    expect(quoteIdent('a "b" \\ c')).toBe('"a \\"b\\" \\\\ c"');
    expect(quoteIdent('x;\nDROP')).toBe('"x;\\nDROP"');
  });

  it('quotes a time as a string literal', () => {
    expect(timeLiteral('2026-10-01T00:00:00Z')).toBe("'2026-10-01T00:00:00Z'");
    expect(timeLiteral("x' OR 1=1")).toBe("'x\\' OR 1=1'");
  });
});

describe('a chunk of an InfluxQL answer', () => {
  it("is taken as it came, rows not copied, when its shape is InfluxDB's", () => {
    const rows = [
      [1, 'a', null],
      [2, 'b', 3.5],
    ];
    const chunk = { results: [{ statement_id: 0, series: [{ name: 'm', columns: ['time', 't', 'f'], values: rows }] }] };
    expect(influxqlChunk(chunk)?.results?.[0]?.series?.[0]?.values).toBe(rows);
    expect(influxqlChunk({ results: [{ statement_id: 1 }] })).not.toBeNull();
    expect(influxqlChunk({ error: 'database not found' })?.error).toBe('database not found');
    expect(influxqlChunk({ results: [{ statement_id: 0, error: 'bad' }] })?.results?.[0]?.error).toBe('bad');
  });

  it('is refused for any other shape', () => {
    const series = { name: 'm', columns: ['time'], values: [[1]] };
    for (const bad of [
      null,
      [],
      'x',
      { results: {} },
      { results: [null] },
      { results: [{ statement_id: '0' }] },
      { results: [{ series: [{ ...series, name: 1 }] }] },
      { results: [{ series: [{ ...series, columns: [1] }] }] },
      { results: [{ series: [{ ...series, values: [1] }] }] },
      { results: [{ series: [{ ...series, values: {} }] }] },
      { results: [{ series: {} }] },
      { error: 5 },
    ])
      expect(influxqlChunk(bad), JSON.stringify(bad)).toBeNull();
  });
});
