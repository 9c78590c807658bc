import { describe, expect, it } from 'vitest';
import { quoteIdent, timeLiteral } from './influxql';

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
