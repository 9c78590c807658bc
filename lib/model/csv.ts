/**
 * CSV as RFC 4180 writes it (CRLF between records, a field quoted when it holds a comma, a quote or
 * a line break, quotes doubled), and safe to open in a spreadsheet: a text cell starting with
 * = + - @ TAB or CR would run as a formula there, so it is prefixed with '. Numbers are written as
 * they are. Browser-safe: the tables build their CSV client-side, the Audit route server-side.
 */
export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(cells: readonly CsvCell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** A header record, then one record per row. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return csvRow(header) + rows.map(csvRow).join('');
}

/** `name-2026-12-06.csv`: the table's name and the UTC day it was taken. */
export function csvFileName(name: string, now: Date = new Date()): string {
  return `${name.replace(/[^A-Za-z0-9_.-]+/g, '-')}-${now.toISOString().slice(0, 10)}.csv`;
}
