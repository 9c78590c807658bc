import { PRECISION_NS, type FieldValue, type Precision } from '../model/line-protocol';

export { PRECISION_NS, type Precision };

/**
 * A streaming line-protocol parser with line numbers, following InfluxDB's own parser
 * (models/points.go in influxdb v2): what it refuses, InfluxDB would refuse, and a name reads back
 * exactly as InfluxDB stores it. A record may span several lines when a string field holds a
 * line break; it is numbered by the line it starts on.
 */

/** A field as InfluxDB reads it: integers and unsigned integers as bigint. */
export type ParsedField = { key: string } & FieldValue;

export interface ParsedPoint {
  measurement: string;
  tags: [string, string][];
  fields: ParsedField[];
  /** Nanoseconds since the epoch, or null when the line has no timestamp (InfluxDB stamps it). */
  time: bigint | null;
}

export type ParseResult =
  { kind: 'point'; point: ParsedPoint } | { kind: 'error'; message: string } | { kind: 'blank' } | { kind: 'comment'; precision: Precision | null };

export interface LpRecord {
  /** The line (1-based) the record starts on. */
  line: number;
  /** Its text, without the line break that ends it (a trailing carriage return removed too). */
  text: string;
}

/** Where scanLine (points.go) stands in a record: inside a quoted string field or not. */
interface QuoteState {
  fields: boolean;
  quoted: boolean;
  equals: number;
  commas: number;
}

const freshState = (): QuoteState => ({ fields: false, quoted: false, equals: 0, commas: 0 });

/** Scans text[from, to) of a record, carrying the state on (a string field can span lines). */
function scanQuotes(text: string, from: number, to: number, st: QuoteState): void {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */) {
      i++;
      continue;
    }
    if (c === 32) st.fields = true;
    if (!st.fields) continue;
    if (!st.quoted && c === 61 /* = */) st.equals++;
    else if (!st.quoted && c === 44 /* , */) st.commas++;
    else if (c === 34 /* " */ && st.equals > st.commas) st.quoted = !st.quoted;
  }
}

/**
 * A record whose string never closes would hold the rest of the file: past this size its first
 * line is given up as a record of its own (InfluxDB refuses it: unbalanced quotes), and reading
 * goes on from the next line, so memory stays bounded whatever the file.
 */
export const MAX_RECORD_CHARS = 1024 * 1024;

/**
 * A line longer than this (with no line break) is refused with its number: line protocol has one
 * point per line, so such a "line" is a file without line breaks, or not line protocol at all.
 * Without a bound, the text held while waiting for its end would grow with the file.
 */
export const MAX_LINE_CHARS = 4 * 1024 * 1024;

/** A line longer than MAX_LINE_CHARS: the file cannot be read as line protocol. */
export class LineTooLong extends Error {
  constructor(readonly line: number) {
    super(`Line ${line} is longer than ${MAX_LINE_CHARS / 1024 / 1024} MiB without a line break: line protocol has one point per line.`);
    this.name = 'LineTooLong';
  }
}

/**
 * Cuts text arriving in chunks into records, keeping line breaks that sit inside quoted strings.
 * Linear in its input: each character is searched for a line break once and scanned for quotes
 * once. Line breaks are `\n` or `\r\n`; a file whose first line break is a lone `\r` (old Mac
 * line endings) has each lone `\r` read as one.
 */
export class RecordSplitter {
  private rest = '';
  private restLine = 1;
  /** How far into `rest` the quote state is known, and that state. */
  private scanned = 0;
  private state = freshState();
  /** How far into `rest` no line break was found. */
  private searched = 0;
  /** Whether lone carriage returns end lines (decided by the file's first line break). */
  private crBreaks: boolean | null = null;
  /** A chunk ended with `\r`: whether a `\n` follows is known only with the next chunk. */
  private pendingCr = false;

  private normalize(chunk: string): string {
    let text = this.pendingCr ? `\r${chunk}` : chunk;
    this.pendingCr = false;
    if (this.crBreaks === null) {
      const lf = text.indexOf('\n');
      const cr = text.indexOf('\r');
      if (cr >= 0 && (lf < 0 || cr < lf) && cr === text.length - 1) {
        // Cannot tell `\r` from `\r\n` yet.
        this.pendingCr = true;
        return text.slice(0, -1);
      }
      if (cr >= 0 && (lf < 0 || cr < lf)) this.crBreaks = text[cr + 1] !== '\n';
      else if (lf >= 0) this.crBreaks = false;
    }
    if (!this.crBreaks) return text;
    if (text.endsWith('\r')) {
      this.pendingCr = true;
      text = text.slice(0, -1);
    }
    return text.replace(/\r(?!\n)/g, '\n');
  }

  push(chunk: string): LpRecord[] {
    const text = this.rest + this.normalize(chunk);
    const out: LpRecord[] = [];
    let start = 0;
    let line = this.restLine;
    let pos = this.scanned;
    let searchFrom = this.searched;
    let st = this.state;
    // The next double quote at or after pos (Infinity: none in the text): found once, not per line.
    let quote = -1;
    for (;;) {
      const nl = text.indexOf('\n', Math.max(pos, searchFrom));
      if (nl < 0) break;
      if (quote < pos) {
        const q = text.indexOf('"', pos);
        quote = q < 0 ? Infinity : q;
      }
      // Only a double quote can open a string field, so most lines end their record unscanned.
      if (st.quoted || quote < nl) scanQuotes(text, pos, nl, st);
      if (st.quoted && nl - start <= MAX_RECORD_CHARS) {
        pos = nl + 1;
        continue;
      }
      // A complete record, or one cut at its first line because its string never closed.
      const end = st.quoted ? text.indexOf('\n', start) : nl;
      const record = text.slice(start, end);
      out.push({ line, text: stripCr(record) });
      line += countBreaks(record) + 1;
      start = end + 1;
      pos = start;
      searchFrom = start;
      st = freshState();
    }
    if (text.length - pos > MAX_LINE_CHARS) throw new LineTooLong(line + countBreaks(text.slice(start, pos)));
    // The state covers the record up to its last line break; the tail after it is scanned with the next chunk.
    this.rest = text.slice(start);
    this.restLine = line;
    this.scanned = pos - start;
    this.searched = text.length - start;
    this.state = st;
    return out;
  }

  /** The last record, when the text does not end with a line break. */
  end(): LpRecord[] {
    const last = this.pendingCr && !this.crBreaks ? `${this.rest}\r` : this.rest;
    const restLine = this.restLine;
    this.rest = '';
    this.scanned = 0;
    this.searched = 0;
    this.pendingCr = false;
    this.state = freshState();
    return last === '' ? [] : [{ line: restLine, text: stripCr(last) }];
  }
}

function stripCr(text: string): string {
  return text.endsWith('\r') ? text.slice(0, -1) : text;
}

function countBreaks(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

const RESERVED_TAG_KEYS = new Set(['_field', '_measurement', 'time', '\u0000', '\u00ff']);
const MIN_NS = -9_223_372_036_854_775_806n;
const MAX_NS = 9_223_372_036_854_775_806n;
const MAX_INT64 = 9_223_372_036_854_775_807n;
const MAX_UINT64 = 18_446_744_073_709_551_615n;
const BOOLEANS: Record<string, boolean> = {
  t: true,
  T: true,
  true: true,
  True: true,
  TRUE: true,
  f: false,
  F: false,
  false: false,
  False: false,
  FALSE: false,
};
const FLOAT = /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function isWhitespace(c: number): boolean {
  return c === 32 || c === 9 || c === 0;
}

function skipWhitespace(s: string, i: number): number {
  while (i < s.length && isWhitespace(s.charCodeAt(i))) i++;
  return i;
}

export function unescapeMeasurement(raw: string): string {
  return raw.includes('\\') ? raw.replace(/\\([, ])/g, '$1') : raw;
}

export function unescapeTag(raw: string): string {
  return raw.includes('\\') ? raw.replace(/\\([, =])/g, '$1') : raw;
}

export function unescapeFieldKey(raw: string): string {
  return raw.includes('\\') ? raw.replace(/\\([,"= ])/g, '$1') : raw;
}

export function unescapeString(raw: string): string {
  return raw.includes('\\') ? raw.replace(/\\([\\"])/g, '$1') : raw;
}

const PRECISION_COMMENT = /^#\s*precision\s*[=:]\s*(ns|us|ms|s)\b/;

class LineError extends Error {}

/** One record: a point, a comment (with the precision it names, if any), a blank line or an error. */
export function parseRecord(text: string, precision: Precision = 'ns'): ParseResult {
  const start = skipWhitespace(text, 0);
  if (start >= text.length) return { kind: 'blank' };
  if (text.charCodeAt(start) === 35 /* # */) {
    const m = PRECISION_COMMENT.exec(text.slice(start));
    return { kind: 'comment', precision: (m?.[1] as Precision | undefined) ?? null };
  }
  try {
    return { kind: 'point', point: parsePoint(text, start, PRECISION_NS[precision]) };
  } catch (e) {
    if (e instanceof LineError) return { kind: 'error', message: e.message };
    throw e;
  }
}

function parsePoint(s: string, start: number, multiplier: bigint): ParsedPoint {
  const len = s.length;
  if (s.charCodeAt(start) === 44) throw new LineError('missing measurement');
  // The measurement, up to an unescaped comma (tags follow) or space (fields follow).
  let i = start;
  let inTags = false;
  for (;;) {
    i++;
    if (i >= len) throw new LineError('missing fields');
    if (s.charCodeAt(i - 1) === 92) continue;
    const c = s.charCodeAt(i);
    if (c === 44) {
      inTags = true;
      break;
    }
    if (c === 32) break;
  }
  const measurement = unescapeMeasurement(s.slice(start, i));
  const tags: [string, string][] = [];
  const rawKeys: string[] = [];
  while (inTags) {
    const keyStart = ++i;
    let c = s.charCodeAt(i);
    if (i >= len || c === 32 || c === 44 || c === 61) throw new LineError('missing tag key');
    for (;;) {
      i++;
      c = s.charCodeAt(i);
      const escaped = s.charCodeAt(i - 1) === 92;
      if (i >= len || ((c === 32 || c === 44) && !escaped)) throw new LineError('missing tag value');
      if (c === 61 && !escaped) break;
    }
    const rawKey = s.slice(keyStart, i);
    const valueStart = ++i;
    c = s.charCodeAt(i);
    if (i >= len || c === 44 || c === 32) throw new LineError('missing tag value');
    for (;;) {
      i++;
      if (i >= len) throw new LineError('missing fields');
      c = s.charCodeAt(i);
      const escaped = s.charCodeAt(i - 1) === 92;
      if (escaped) continue;
      if (c === 61) throw new LineError('invalid tag format');
      if (c === 44) break;
      if (c === 32) {
        inTags = false;
        break;
      }
    }
    if (RESERVED_TAG_KEYS.has(rawKey)) throw new LineError(`cannot use reserved tag key "${rawKey}"`);
    // A handful of tags per line: a scan is cheaper than a Set.
    if (rawKeys.includes(rawKey)) throw new LineError('duplicate tags');
    rawKeys.push(rawKey);
    tags.push([unescapeTag(rawKey), unescapeTag(s.slice(valueStart, i))]);
  }
  // The fields: key=value pairs separated by commas, ended by a space or the end of the line.
  i = skipWhitespace(s, i);
  if (i >= len) throw new LineError('missing fields');
  const fields: ParsedField[] = [];
  for (;;) {
    const keyStart = i;
    while (i < len) {
      const c = s.charCodeAt(i);
      if (c === 92 && i + 1 < len) {
        i += 2;
        continue;
      }
      if (c === 61 || c === 32 || c === 44) break;
      i++;
    }
    if (i >= len || s.charCodeAt(i) !== 61) throw new LineError('invalid field format');
    if (i === keyStart) throw new LineError('missing field key');
    const key = unescapeFieldKey(s.slice(keyStart, i));
    i++;
    if (i >= len || s.charCodeAt(i) === 44 || s.charCodeAt(i) === 32) throw new LineError('missing field value');
    if (s.charCodeAt(i) === 34) {
      let q = i + 1;
      while (q < len) {
        const c = s.charCodeAt(q);
        if (c === 92 && q + 1 < len) q += 2;
        else if (c === 34) break;
        else q++;
      }
      if (q >= len) throw new LineError('unbalanced quotes');
      fields.push({ key, type: 'string', value: unescapeString(s.slice(i + 1, q)) });
      i = q + 1;
    } else {
      let end = i;
      while (end < len && s.charCodeAt(end) !== 44 && s.charCodeAt(end) !== 32) end++;
      fields.push({ key, ...scalar(s.slice(i, end)) });
      i = end;
    }
    if (i >= len) break;
    const c = s.charCodeAt(i);
    if (c === 44) {
      i++;
      continue;
    }
    if (c === 32) break;
    throw new LineError('invalid field format');
  }
  // The optional timestamp (digits, perhaps a minus sign), then nothing but whitespace.
  i = skipWhitespace(s, i);
  let end = i;
  if (end < len && s.charCodeAt(end) === 45) end++;
  for (; end < len; end++) {
    const c = s.charCodeAt(end);
    if (c < 48 || c > 57) break;
  }
  if (end < len && !isWhitespace(s.charCodeAt(end))) throw new LineError('bad timestamp');
  if (skipWhitespace(s, end) < len) throw new LineError('point is invalid (text after the timestamp)');
  if (end === i) return { measurement, tags, fields, time: null };
  if (end === i + 1 && s.charCodeAt(i) === 45) throw new LineError('bad timestamp');
  const time = multiplier === 1n ? BigInt(s.slice(i, end)) : BigInt(s.slice(i, end)) * multiplier;
  if (time < MIN_NS || time > MAX_NS) throw new LineError(`time outside range ${MIN_NS} - ${MAX_NS}`);
  return { measurement, tags, fields, time };
}

function scalar(token: string): FieldValue {
  const last = token.charCodeAt(token.length - 1);
  if (last === 105 /* i */ && /^-?\d+i$/.test(token)) {
    const v = BigInt(token.slice(0, -1));
    if (v > MAX_INT64 || v < -MAX_INT64 - 1n) throw new LineError(`unable to parse integer ${token.slice(0, -1)}: value out of range`);
    return { type: 'integer', value: v };
  }
  if (last === 117 /* u */ && /^\d+u$/.test(token)) {
    const v = BigInt(token.slice(0, -1));
    if (v > MAX_UINT64) throw new LineError(`unable to parse unsigned ${token.slice(0, -1)}: value out of range`);
    return { type: 'unsigned', value: v };
  }
  if (FLOAT.test(token)) {
    const v = Number(token);
    if (!Number.isFinite(v)) throw new LineError('invalid float');
    return { type: 'float', value: v };
  }
  const first = token.charCodeAt(0);
  if ((first >= 48 && first <= 57) || first === 45 || first === 46 || first === 78 || first === 110) throw new LineError('invalid number');
  const b = BOOLEANS[token];
  if (b === undefined) throw new LineError('invalid boolean');
  return { type: 'boolean', value: b };
}
