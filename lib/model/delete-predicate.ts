/**
 * What a data delete may select, in the predicate syntax InfluxDB OSS 2.x honours: tag = value
 * joined by AND. Everything else is refused here with the reason, before InfluxDB is asked:
 * a predicate it would read differently from the person who typed it is silent data loss.
 * https://docs.influxdata.com/influxdb/v2/reference/syntax/delete-predicate/
 */
export interface TagMatch {
  key: string;
  value: string;
}

export type ParsedMatches = { ok: true; matches: TagMatch[] } | { ok: false; message: string };

const CONTROL = /[\u0000-\u001f\u007f]/;

/** Columns a delete cannot select on, and why. */
const RESERVED: Record<string, string> = {
  _field:
    'InfluxDB OSS cannot delete by field: a delete removes whole points of the series it matches (it answers "delete by field is not supported"). Leave _field out; to keep other fields, export the points, delete them, and import what you keep.',
  _value: 'A delete cannot select by value: InfluxDB matches series keys (measurement and tags) and a time range only.',
  _time: 'Give the time range with start and stop, not as a predicate on _time.',
  _measurement: 'Choose the measurement with its own field (--measurement), not as a predicate.',
};

/** Splits on AND outside double quotes; a clause keeps its quotes. */
function clauses(text: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (c === '\\' && quoted) {
      current += c + (text[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '"') quoted = !quoted;
    if (!quoted && /\s/.test(c)) {
      const rest = text.slice(i);
      const and = /^\s+AND(\s+|$)/i.exec(rest);
      if (and) {
        out.push(current);
        current = '';
        i += and[0].length - 1;
        continue;
      }
    }
    current += c;
  }
  out.push(current);
  return out.map((c) => c.trim());
}

function unquote(text: string): { ok: true; value: string } | { ok: false } {
  if (!text.startsWith('"')) return { ok: true, value: text };
  if (text.length < 2 || !text.endsWith('"')) return { ok: false };
  let value = '';
  for (let i = 1; i < text.length - 1; i++) {
    const c = text[i] ?? '';
    if (c === '\\') {
      // A backslash before the closing quote escapes it: the quote is not closed.
      if (i + 1 >= text.length - 1) return { ok: false };
      value += text[i + 1] ?? '';
      i++;
    } else if (c === '"') {
      return { ok: false };
    } else value += c;
  }
  return { ok: true, value };
}

/** Index of the first `char` not inside double quotes (-1: none). */
function firstOutsideQuotes(text: string, char: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '\\') i++;
    else if (c === '"') quoted = !quoted;
    else if (!quoted && c === char) return i;
  }
  return -1;
}

/** One clause `key=value` (either side may be double-quoted, with \" and \\ inside quotes). */
function parseClause(clause: string): { ok: true; match: TagMatch } | { ok: false; message: string } {
  if (clause === '') return { ok: false, message: 'An empty condition: write tag=value, joined by AND.' };
  if (CONTROL.test(clause)) return { ok: false, message: `"${clause}" holds a control character (a line break or tab): tag keys and values cannot.` };
  const outside = clause.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  if (/(^|\s)OR(\s|$)|\|\|/i.test(outside)) {
    return {
      ok: false,
      message: `"${clause}" uses OR: InfluxDB OSS deletes support AND only ("the logical operator OR is not supported yet"). Run one delete per alternative, previewing each.`,
    };
  }
  if (/=~|!~/.test(outside))
    return {
      ok: false,
      message: `"${clause}" is a regular expression match: InfluxDB OSS deletes cannot match a regex. Name each tag value in a delete of its own.`,
    };
  if (/!=|<>/.test(outside))
    return {
      ok: false,
      message: `"${clause}" is a not-equal match: the console deletes only what equals a value (tag=value), so the preview shows exactly what goes.`,
    };
  if (/[<>]/.test(outside)) return { ok: false, message: `"${clause}" compares with < or >: InfluxDB deletes match tag values with = only.` };
  if (/[()]/.test(outside)) return { ok: false, message: `"${clause}" has parentheses: write conditions as tag=value joined by AND, without grouping.` };
  if (!outside.includes('=')) return { ok: false, message: `"${clause}" is not a condition: write tag=value, for example entity_id=light.kitchen.` };
  const pos = firstOutsideQuotes(clause, '=');
  const key = unquote(clause.slice(0, pos).trim());
  const value = unquote(clause.slice(pos + 1).trim());
  if (!key.ok || !value.ok) return { ok: false, message: `"${clause}" has an unbalanced double quote.` };
  for (const [part, raw] of [
    ['tag key', clause.slice(0, pos).trim()],
    ['value', clause.slice(pos + 1).trim()],
  ] as const) {
    if (!raw.startsWith('"') && /[\s="]/.test(raw))
      return { ok: false, message: `"${clause}": a ${part} with spaces, = or " must be double-quoted (for example k="a b"); join conditions with AND.` };
  }
  if (key.value === '') return { ok: false, message: `"${clause}" has no tag key before =.` };
  if (value.value === '') return { ok: false, message: `"${clause}" has no value: InfluxDB does not store empty tag values, so name the value to delete.` };
  const reserved = RESERVED[key.value];
  if (reserved) return { ok: false, message: reserved };
  return { ok: true, match: { key: key.value, value: value.value } };
}

/**
 * Conditions as typed: each text may hold several joined by AND (`--where` may be repeated).
 * Two values for one tag can match nothing, so that is refused too.
 */
export function parseMatches(texts: readonly string[]): ParsedMatches {
  const matches: TagMatch[] = [];
  for (const text of texts) {
    if (text.trim() === '') continue;
    for (const clause of clauses(text)) {
      const parsed = parseClause(clause);
      if (!parsed.ok) return parsed;
      const same = matches.find((m) => m.key === parsed.match.key);
      if (same && same.value !== parsed.match.value)
        return { ok: false, message: `Tag ${parsed.match.key} is asked to equal both "${same.value}" and "${parsed.match.value}": no point matches both.` };
      if (!same) matches.push(parsed.match);
    }
  }
  return { ok: true, matches };
}

/** A double-quoted identifier of the predicate language (InfluxQL's scanner unescapes \\ and \"). */
function quoteIdent(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** The predicate InfluxDB is sent: `_measurement="m" AND "tag"="value"…`; empty selects every series. */
export function deletePredicate(measurement: string | undefined, matches: readonly TagMatch[]): string {
  const parts = measurement === undefined ? [] : [`_measurement=${quoteIdent(measurement)}`];
  for (const m of matches) parts.push(`${quoteIdent(m.key)}=${quoteIdent(m.value)}`);
  return parts.join(' AND ');
}

/** The same selection in words, for previews and the audit log. */
export function describeSelection(measurement: string | undefined, matches: readonly TagMatch[]): string {
  const what = measurement === undefined ? 'every measurement' : measurement;
  return matches.length === 0 ? what : `${what} where ${matches.map((m) => `${m.key}=${JSON.stringify(m.value)}`).join(' and ')}`;
}
