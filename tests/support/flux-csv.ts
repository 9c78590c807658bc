import { rawApi } from './reset';

/** RFC 4180 CSV (Flux's output): quoted fields may hold commas, quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endRow = () => {
    row.push(field);
    if (row.some((f) => f !== '')) rows.push(row);
    row = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const next = text[i + 1];
    if (quoted && c === '"' && next === '"') {
      field += '"';
      i++;
    } else if (quoted && c === '\r' && next === '\n') {
      // Go's CSV writer (Flux) writes a line break inside a field as CRLF.
      field += '\n';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (quoted) field += c;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && next === '\n') {
      endRow();
      i++;
    } else if (c === '\n') endRow();
    else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/**
 * Runs `query` through InfluxDB's raw query API (not the console's gateway) and answers its rows as
 * records by column name. Flux writes a header before each group of tables of another shape (each
 * yield); a row whose first cells read `,result,table` is such a header.
 */
export async function rawFlux(query: string): Promise<Record<string, string>[]> {
  const res = await rawApi('/api/v2/query?org=homeiq', {
    method: 'POST',
    body: JSON.stringify({ query, type: 'flux', dialect: { header: true, annotations: [] } }),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`influxd answered ${res.status}: ${text}`);
  const out: Record<string, string>[] = [];
  let header: string[] = [];
  for (const row of parseCsv(text)) {
    if (row[1] === 'result' && row[2] === 'table') header = row;
    else out.push(Object.fromEntries(header.flatMap((h, i) => (h === '' ? [] : [[h, row[i] ?? '']]))));
  }
  return out;
}
