import { plural } from './periods';

/** A field that has more than one type across the bucket's shards (InfluxDB refuses a mixed type within one shard only). */
export interface TypeChange {
  measurement: string;
  field: string;
  /** Type -> the days (slice starts) holding it, earliest first. */
  days: Record<string, string[]>;
}

/** The fields listed with more than one type (SHOW FIELD KEYS lists a field once per type it has in some shard). */
export function mixedFields(rows: readonly { measurement: string; field: string; type: string }[]): { measurement: string; field: string; types: string[] }[] {
  const byField = new Map<string, { measurement: string; field: string; types: Set<string> }>();
  for (const r of rows) {
    const key = `${r.measurement}\u0000${r.field}`;
    const cur = byField.get(key) ?? { measurement: r.measurement, field: r.field, types: new Set<string>() };
    cur.types.add(r.type);
    byField.set(key, cur);
  }
  return [...byField.values()].filter((f) => f.types.size > 1).map((f) => ({ measurement: f.measurement, field: f.field, types: [...f.types].sort() }));
}

/** The days of each type, from rows of (measurement, field, day, type). */
export function typeDays(rows: readonly { measurement: string; field: string; day: string; type: string }[]): TypeChange[] {
  const out = new Map<string, TypeChange>();
  for (const r of rows) {
    const key = `${r.measurement}\u0000${r.field}`;
    const cur = out.get(key) ?? { measurement: r.measurement, field: r.field, days: {} };
    const days = (cur.days[r.type] ??= []);
    const day = r.day.slice(0, 10);
    if (!days.includes(day)) days.push(day);
    out.set(key, cur);
  }
  for (const c of out.values()) for (const d of Object.values(c.days)) d.sort();
  return [...out.values()].filter((c) => Object.keys(c.days).length > 1);
}

const ranges = (days: readonly string[]): string => (days.length <= 3 ? days.join(', ') : `${days[0]} … ${days.at(-1)} (${plural(days.length, 'slice')})`);

export function typeChangeDetail(c: TypeChange): string {
  // In the order the types were written: the earliest first.
  const parts = Object.entries(c.days)
    .sort((a, b) => (a[1][0] ?? '').localeCompare(b[1][0] ?? ''))
    .map(([type, days]) => `${type} on ${ranges(days)}`);
  return `Field ${c.field} of ${c.measurement} is ${parts.join(' and ')}: a query over both periods fails with a type conflict or reads only one of them.`;
}

export function typeChangeFix(c: TypeChange, specType: string | undefined): string {
  const want =
    specType === 'integer'
      ? `int(${c.field})`
      : specType === 'float'
        ? `float(${c.field})`
        : specType === 'string' || specType === 'json'
          ? `str(${c.field})`
          : `one type for ${c.field}`;
  return `Cast the value where HomeIQ's writer adds it (\`.field("${c.field}", ${want})\`${specType ? `; the spec says ${specType}` : ''}); the old shards keep their type until they expire, so rewrite or delete the minority days (Data → delete) if queries must span them.`;
}
