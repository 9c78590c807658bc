import { describe, expect, it } from 'vitest';
import { csvCell, csvFileName, toCsv } from './csv';

/** A strict RFC 4180 reader, to check the encoder round-trips what it wrote. */
function parse(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < csv.length) {
    const c = csv[i];
    const next = csv[i + 1];
    if (quoted && c === '"' && next === '"') {
      cell += '"';
      i += 2;
    } else if (quoted && c === '"') {
      quoted = false;
      i++;
    } else if (quoted) {
      cell += c;
      i++;
    } else if (c === '"' && cell === '') {
      quoted = true;
      i++;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
      i++;
    } else if (c === '\r' && next === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 2;
    } else if (c === '\r' || c === '\n' || c === '"') {
      throw new Error(`bare ${JSON.stringify(c)} at ${i}`);
    } else {
      cell += c;
      i++;
    }
  }
  if (cell !== '' || row.length) throw new Error('last record not ended by CRLF');
  return rows;
}

describe('CSV', () => {
  it('ends every record with CRLF and quotes only what needs it', () => {
    expect(toCsv(['name', 'records'], [['pattern_aggregates_daily', 5019]])).toBe('name,records\r\npattern_aggregates_daily,5019\r\n');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('disarms a text cell a spreadsheet would run as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(csvCell(`${start}HYPERLINK("http://x")`).replace(/^"/, '').startsWith(`'${start}`)).toBe(true);
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('-cmd|calc')).toBe("'-cmd|calc");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
    // Not a formula: left as it is.
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell("'quoted")).toBe("'quoted");
    // A number is a number, even a negative one.
    expect(csvCell(-5)).toBe('-5');
  });

  it('round-trips awkward cells through a strict reader', () => {
    const rows = [
      ['plain', 'with, comma', 'with "quotes"', 'multi\r\nline', '', '=2*3'],
      ['ünïcode ✓', ' spaced ', '"', ',', '\n', '+1'],
    ];
    const back = parse(toCsv(['a', 'b', 'c', 'd', 'e', 'f'], rows));
    expect(back[0]).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(back[1]).toEqual(['plain', 'with, comma', 'with "quotes"', 'multi\r\nline', '', "'=2*3"]);
    expect(back[2]).toEqual(['ünïcode ✓', ' spaced ', '"', ',', '\n', "'+1"]);
  });

  it('names the file after the table and the UTC day', () => {
    expect(csvFileName('buckets', new Date('2026-12-06T23:59:00Z'))).toBe('buckets-2026-12-06.csv');
    expect(csvFileName('a b/c', new Date('2026-12-06T00:00:00Z'))).toBe('a-b-c-2026-12-06.csv');
  });
});
