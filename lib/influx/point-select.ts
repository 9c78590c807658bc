/**
 * The InfluxQL that reads every point of a measurement, whatever types its fields were written
 * with. InfluxDB keeps one type per field within a shard, and a query's `SELECT *` (like Flux's
 * storage read) takes one type per field for the whole range: integer and float merge (as float),
 * but a field written as float in one shard and as string in another loses one shard's values, and
 * a point whose only field is there is not read at all. A field with several types is therefore
 * selected once per type (`"f"::string`): each shard answers the cast it can read, so every point
 * gives a row. The answer is one row per point (time, tags, fields), as `SELECT *` gives.
 */

/** InfluxQL's names for the field types `SHOW FIELD KEYS` lists. */
const FIELD_TYPES = new Set(['float', 'integer', 'unsigned', 'string', 'boolean']);

/** A name as an InfluxQL identifier: in double quotes, with backslash, quote and newline escaped. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

/** Text as an InfluxQL string literal: in single quotes, with backslash, quote and newline escaped. */
export function stringLiteral(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

/** A measurement's fields and the types each has in some shard, and its tag keys. */
export interface MeasurementSchema {
  fields: ReadonlyMap<string, readonly string[]>;
  tags: ReadonlySet<string>;
}

/** Which rows to read: a time range in nanoseconds since the epoch, and tags equal to values. */
export interface PointFilter {
  startNs: bigint;
  stopNs: bigint;
  /** Whether `stopNs` itself is in the range (InfluxDB's delete includes it; a slice does not). */
  stopIncluded: boolean;
  tags?: readonly { key: string; value: string }[];
}

/** A statement and the names its answer gives the field columns (every other column but time is a tag). */
export interface PointSelect {
  statement: string;
  fieldColumns: ReadonlySet<string>;
}

/** The WHERE clause of a filter; tag conditions say `::tag` so a field of the same name is never compared. */
export function whereOf(filter: PointFilter): string {
  const conds = [`time >= ${filter.startNs}`, `time ${filter.stopIncluded ? '<=' : '<'} ${filter.stopNs}`];
  for (const t of filter.tags ?? []) conds.push(`${quoteIdent(t.key)}::tag = ${stringLiteral(t.value)}`);
  return `WHERE ${conds.join(' AND ')}`;
}

/** Whether InfluxQL's answer for this measurement tells its tags from its fields, whatever the field types. */
export function readsExactly(schema: MeasurementSchema): boolean {
  for (const [field, types] of schema.fields) {
    // A tag and a field of one name: `SELECT *` renames one of them, and a tag could pass for a field.
    if (schema.tags.has(field) || field === 'time') return false;
    if (types.length <= 1) continue;
    for (const type of types) {
      const alias = `${field}::${type}`;
      if (!FIELD_TYPES.has(type) || schema.tags.has(alias) || schema.fields.has(alias)) return false;
    }
  }
  return true;
}

/**
 * The statement reading every point of `measurement` in `filter`, or null when its answer could not
 * tell tags from fields (a tag and a field of one name, or a column named like a typed field's alias).
 */
export function pointSelect(measurement: string, schema: MeasurementSchema, filter: PointFilter): PointSelect | null {
  if (!readsExactly(schema)) return null;
  const where = whereOf(filter);
  const mixed = [...schema.fields].filter(([, types]) => types.length > 1);
  if (mixed.length === 0) {
    return { statement: `SELECT * FROM ${quoteIdent(measurement)} ${where}`, fieldColumns: new Set(schema.fields.keys()) };
  }
  const columns: string[] = [];
  const fieldColumns = new Set<string>();
  for (const [field, types] of schema.fields) {
    if (types.length <= 1) {
      columns.push(quoteIdent(field));
      fieldColumns.add(field);
      continue;
    }
    for (const type of types) {
      const alias = `${field}::${type}`;
      columns.push(`${quoteIdent(field)}::${type} AS ${quoteIdent(alias)}`);
      fieldColumns.add(alias);
    }
  }
  return { statement: `SELECT *::tag, ${columns.join(', ')} FROM ${quoteIdent(measurement)} ${where}`, fieldColumns };
}
