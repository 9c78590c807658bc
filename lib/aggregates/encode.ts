import type { MeasurementSpec } from '../spec/schema';
import { toLine, type FieldValue } from '../model/line-protocol';

/**
 * Encodes one flat aggregate record exactly as HomeIQ's writer does: spec tags become tags,
 * spec fields become fields of the spec's type (JSON lists and objects as strings, as Python's
 * `json.dumps` writes them), and the
 * timestamp is midnight UTC of `date` for daily measurements, the write time otherwise.
 */
export function encodeAggregate(spec: MeasurementSpec, record: Record<string, unknown>, writtenAt: Date = new Date()): string {
  const tags: Record<string, string> = {};
  for (const tag of spec.tags) {
    const value = record[tag];
    if (typeof value !== 'string' || value === '') throw new TypeError(`${spec.name}: tag ${tag} must be a non-empty string`);
    tags[tag] = value;
  }
  const fields: Record<string, FieldValue> = {};
  for (const [name, type] of Object.entries(spec.fields)) {
    const value = record[name];
    if (value === undefined || value === null) throw new TypeError(`${spec.name}: field ${name} is missing`);
    fields[name] = fieldValue(spec.name, name, type, value);
  }
  return toLine(spec.name, tags, fields, timestampNs(spec, record, writtenAt));
}

function fieldValue(measurement: string, name: string, type: MeasurementSpec['fields'][string], value: unknown): FieldValue {
  switch (type) {
    case 'json':
      return { type: 'string', value: pythonJson(value) };
    case 'string':
      if (typeof value !== 'string') throw new TypeError(`${measurement}: field ${name} must be a string`);
      return { type: 'string', value };
    case 'integer':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new TypeError(`${measurement}: field ${name} must be an integer`);
      return { type: 'integer', value };
    case 'float':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw new TypeError(`${measurement}: field ${name} must be a finite number`);
      return { type: 'float', value };
  }
}

function timestampNs(spec: MeasurementSpec, record: Record<string, unknown>, writtenAt: Date): bigint {
  if (spec.period === 'day') {
    const date = record.date;
    if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new TypeError(`${spec.name}: date must be YYYY-MM-DD`);
    const ms = Date.parse(`${date}T00:00:00Z`);
    if (Number.isNaN(ms)) throw new TypeError(`${spec.name}: date ${date} is not a real day`);
    return BigInt(ms) * 1_000_000n;
  }
  return BigInt(writtenAt.getTime()) * 1_000_000n;
}

/**
 * JSON text as Python's `json.dumps` writes it with its defaults, which HomeIQ's writer uses: `, ` and
 * `: ` between items, every non-ASCII character as `\uXXXX`, exponents with two digits (`1e-07`).
 * A JavaScript number does not know whether it was a Python float: a whole one is written as an int.
 */
export function pythonJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (typeof value === 'number')
    return Number.isFinite(value)
      ? String(value).replace(/e([+-])(\d)$/, (_, sign: string, digit: string) => `e${sign}0${digit}`)
      : value > 0
        ? 'Infinity'
        : value < 0
          ? '-Infinity'
          : 'NaN';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(', ')}]`;
  if (typeof value === 'object') {
    const items = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{${items.map(([k, v]) => `${pythonJson(k)}: ${pythonJson(v)}`).join(', ')}}`;
  }
  throw new TypeError(`${typeof value} is not JSON`);
}
