/**
 * InfluxDB line protocol: the one encoder the console has, for the points it writes (sample data,
 * probes) and for raw Flux rows exported as lines. Pure, so the gateway and the domain share it.
 * Escaping follows InfluxDB's own parser (models/points.go), not just the documentation table, and is
 * pinned against a real influxd (tests/influxd/line-protocol.test.ts):
 * - measurement: `,` and space escaped; InfluxDB unescapes `\,` and `\ ` only, and loses a point
 *   whose measurement has a backslash before `,`, `=`, `"` or a space;
 * - tag keys, tag values and field keys: `,`, `=` and space escaped; a backslash stays literal
 *   (`a\b` is `a\b`), as in HomeIQ's writer (the Python client escapes no backslash either);
 * - string field values: `"` and `\` escaped, line breaks kept as they are (inside quotes).
 * A few names cannot be written at all (a tag value ending in a backslash, a line break in a name):
 * `unwritable` says so rather than writing a line that means something else.
 */

/** Timestamp precisions of the write API, and nanoseconds per unit. */
export type Precision = 'ns' | 'us' | 'ms' | 's';

export const PRECISION_NS: Record<Precision, bigint> = { ns: 1n, us: 1_000n, ms: 1_000_000n, s: 1_000_000_000n };

export type FieldType = 'float' | 'integer' | 'unsigned' | 'boolean' | 'string';

export type FieldValue =
  | { type: 'float'; value: number }
  | { type: 'integer'; value: number | bigint }
  | { type: 'unsigned'; value: number | bigint }
  | { type: 'boolean'; value: boolean }
  | { type: 'string'; value: string };

/** A field's type as one shard group of InfluxDB stores it. */
export interface StoredType {
  measurement: string;
  field: string;
  shardGroupNs: bigint;
  type: FieldType;
}

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
  return MEASUREMENT_SPECIAL.test(name) ? name.replace(/[, ]/g, (c) => `\\${c}`) : name;
}

const MEASUREMENT_SPECIAL = /[, ]/;
const NAME_SPECIAL = /[,= ]/;

/** Tag keys, tag values and field keys. */
export function escapeName(name: string): string {
  return NAME_SPECIAL.test(name) ? name.replace(/[,= ]/g, (c) => `\\${c}`) : name;
}

/** String field values: double quotes and backslashes escaped, inside double quotes. */
export function quoteString(value: string): string {
  return `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}

/** Why a name cannot be written as line protocol, or null when it can. */
export function unwritable(kind: 'measurement' | 'tag' | 'field', name: string): string | null {
  if (name === '') return `an empty ${kind} name`;
  // Most names hold none of the characters below: one test, then done.
  const first = name.charCodeAt(0);
  if (!MAYBE_UNWRITABLE.test(name) && (kind !== 'measurement' || (first !== 9 && first !== 0 && first !== 35))) return null;
  if (/[\n\r]/.test(name)) return `a line break in the ${kind} name ${JSON.stringify(name)}`;
  if (name.endsWith('\\')) return `the ${kind} name ${JSON.stringify(name)} ends in a backslash`;
  if (kind === 'measurement' && /^[\t\0#]/.test(name)) return `the measurement name ${JSON.stringify(name)} starts with a tab, NUL or #`;
  if (kind !== 'tag' && /\\[,= "]/.test(name))
    return `the ${kind === 'field' ? 'field key' : 'measurement name'} ${JSON.stringify(name)} has a backslash before , = " or a space`;
  return null;
}

const MAYBE_UNWRITABLE = /[\n\r\\]/;

/** A typed field value in line protocol. */
export function formatField(field: FieldValue): string {
  switch (field.type) {
    case 'float': {
      if (!Number.isFinite(field.value)) throw new RangeError(`a float field must be finite, not ${field.value}`);
      return pythonFloat(field.value);
    }
    case 'integer': {
      if (typeof field.value === 'number' && !Number.isSafeInteger(field.value))
        throw new RangeError(`an integer field must be a whole number, not ${field.value}`);
      return `${field.value}i`;
    }
    case 'unsigned': {
      if ((typeof field.value === 'number' && !Number.isSafeInteger(field.value)) || field.value < 0)
        throw new RangeError(`an unsigned field must be a whole number ≥ 0, not ${field.value}`);
      return `${field.value}u`;
    }
    case 'string':
      return quoteString(field.value);
    case 'boolean':
      return field.value ? 'true' : 'false';
  }
}

/**
 * A float as Python's `str` writes it, less a trailing `.0` (what HomeIQ's writer sends): the
 * shortest digits that read back as the same float64, in exponent form below 1e-4 and from 1e16 on.
 */
function pythonFloat(v: number): string {
  const abs = Math.abs(v);
  // Between 1e-4 and 1e16 both write the shortest digits without an exponent (JavaScript up to 1e21).
  if (abs >= 1e-4 && abs < 1e16) return String(v);
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  const [digits = '', exponent = '0'] = v.toExponential().split('e');
  const e = Number(exponent);
  return `${digits}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

/** A field value as Flux's annotated CSV writes it, in line protocol. */
export function fieldText(type: FieldType, text: string): string {
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

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** `,k=v` for each tag with a value, sorted by key (InfluxDB's recommendation, and what HomeIQ's writer does). */
function tagPart(tags: Iterable<readonly [string, string]>): { text: string } | { unwritable: string } {
  let text = '';
  for (const [k, v] of [...tags].filter(([, v]) => v !== '').sort(([a], [b]) => byCodeUnit(a, b))) {
    const problem = unwritable('tag', k) ?? unwritable('tag', v);
    if (problem) return { unwritable: problem };
    text += `,${escapeName(k)}=${escapeName(v)}`;
  }
  return { text };
}

/**
 * One point, byte for byte as HomeIQ's writer (the Python client's Point) puts it on the wire for
 * the names and values it writes: tags and fields sorted by key, empty tag values left out (InfluxDB
 * does not store them), the timestamp in nanoseconds. Throws a RangeError for a name line protocol
 * cannot hold, a pointless point or a value out of its type.
 */
export function toLine(measurement: string, tags: Record<string, string>, fields: Record<string, FieldValue>, timestampNs: bigint): string {
  const fieldKeys = Object.keys(fields).sort(byCodeUnit);
  if (fieldKeys.length === 0) throw new RangeError(`a point of ${measurement} needs at least one field`);
  const problem = unwritable('measurement', measurement) ?? fieldKeys.map((k) => unwritable('field', k)).find((p) => p !== null);
  if (problem) throw new RangeError(problem);
  const t = tagPart(Object.entries(tags));
  if ('unwritable' in t) throw new RangeError(t.unwritable);
  const fieldPart = fieldKeys.map((k) => `${escapeName(k)}=${formatField(fields[k] as FieldValue)}`).join(',');
  return `${escapeMeasurement(measurement)}${t.text} ${fieldPart} ${timestampNs}`;
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
  const t = tagPart(key.tags);
  if ('unwritable' in t) return t;
  return { prefix: `${escapeMeasurement(key.measurement)}${t.text} ${escapeName(key.field)}=` };
}

/** One raw row as one line: the table's prefix, the value and the time in nanoseconds. */
export function lineOfRow(prefix: string, type: FieldType, value: string, time: string): string {
  return `${prefix}${fieldText(type, value)} ${rfc3339ToNs(time)}`;
}
