/**
 * Raw Flux rows as line protocol, one field per line (what `influxd inspect export-lp` writes;
 * InfluxDB merges lines of one series and time into one point). Escaping follows InfluxDB's own
 * parser (models/points.go), not just the documentation table:
 * - measurement: `,` and space escaped; unescaped by replacing `\,` and `\ ` only;
 * - tag keys and values: `,`, `=` and space escaped; a backslash stays literal (`a\b` is `a\b`);
 * - field keys: the same, and a backslash stays literal unless a special character follows it;
 * - string values: `"` and `\` escaped, newlines kept as they are (inside quotes).
 * A few names cannot be written in line protocol at all (a tag value ending in a backslash, a
 * newline in a tag); `lineOfRow` says so rather than writing a line that means something else.
 */

export type FieldType = 'float' | 'integer' | 'unsigned' | 'boolean' | 'string';

/** The annotated-CSV datatype of `_value` as a line-protocol field type. */
export function fieldTypeOfDatatype(datatype: string): FieldType | null {
  switch (datatype) {
    case 'double':
      return 'float';
    case 'long':
      return 'integer';
    case 'unsignedLong':
      return 'unsigned';
    case 'boolean':
      return 'boolean';
    case 'string':
      return 'string';
    default:
      return null;
  }
}

export function escapeMeasurement(name: string): string {
  return name.replace(/[, ]/g, (c) => `\\${c}`);
}

/** Tag keys, tag values and field keys. */
export function escapeName(name: string): string {
  return name.replace(/[,= ]/g, (c) => `\\${c}`);
}

export function quoteString(value: string): string {
  return `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}

/** Why a name cannot be written as line protocol, or null when it can. */
export function unwritable(kind: 'measurement' | 'tag' | 'field', name: string): string | null {
  if (name === '') return `an empty ${kind} name`;
  if (/[\n\r]/.test(name)) return `a line break in the ${kind} name ${JSON.stringify(name)}`;
  if (name.endsWith('\\')) return `the ${kind} name ${JSON.stringify(name)} ends in a backslash`;
  if (kind === 'measurement' && /^[\t\0#]/.test(name)) return `the measurement name ${JSON.stringify(name)} starts with a tab, NUL or #`;
  if (kind === 'field' && /\\[,= "]/.test(name)) return `the field key ${JSON.stringify(name)} has a backslash before , = " or a space`;
  if (kind === 'measurement' && /\\[="]/.test(name)) return `the measurement name ${JSON.stringify(name)} has a backslash before = or "`;
  return null;
}

/** A field value as Flux's annotated CSV writes it, in line protocol. */
export function fieldValue(type: FieldType, text: string): string {
  switch (type) {
    // Flux writes floats with strconv.FormatFloat(v, 'f', -1, 64): the shortest text that reads
    // back as the same float64, never with an `i`, so `3` stays a float.
    case 'float':
      return text;
    case 'integer':
      return `${text}i`;
    case 'unsigned':
      return `${text}u`;
    case 'boolean':
      return text === 'true' ? 'true' : 'false';
    case 'string':
      return quoteString(text);
  }
}

const RFC3339 = /^(-?\d{4,})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?Z$/;

/** An RFC 3339 UTC time with up to nine fraction digits as integer nanoseconds (decimal text). */
export function rfc3339ToNs(text: string): string {
  const m = RFC3339.exec(text);
  if (!m) throw new RangeError(`not an RFC 3339 UTC time: ${text}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
  const frac = (m[7] ?? '').padEnd(9, '0');
  const seconds = ms / 1000;
  if (seconds > 0) return `${seconds}${frac}`;
  return String(BigInt(seconds) * 1_000_000_000n + BigInt(frac));
}

export interface SeriesKey {
  measurement: string;
  /** Tag key and value pairs; empty values are left out (InfluxDB does not store them). */
  tags: readonly (readonly [string, string])[];
  field: string;
}

/** `measurement,tags field=`: the part of a line shared by every row of one Flux table. */
export function seriesPrefix(key: SeriesKey): { prefix: string } | { unwritable: string } {
  const problem = unwritable('measurement', key.measurement) ?? unwritable('field', key.field);
  if (problem) return { unwritable: problem };
  let prefix = escapeMeasurement(key.measurement);
  const tags = key.tags.filter(([, v]) => v !== '').sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [k, v] of tags) {
    const tagProblem = unwritable('tag', k) ?? unwritable('tag', v);
    if (tagProblem) return { unwritable: tagProblem };
    prefix += `,${escapeName(k)}=${escapeName(v)}`;
  }
  return { prefix: `${prefix} ${escapeName(key.field)}=` };
}

/** One raw row as one line: the table's prefix, the value and the time in nanoseconds. */
export function lineOfRow(prefix: string, type: FieldType, value: string, time: string): string {
  return `${prefix}${fieldValue(type, value)} ${rfc3339ToNs(time)}`;
}
