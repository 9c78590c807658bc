import { queryRows } from '../../influx/query';
import type { BucketSpec } from '../../spec/schema';
import { schemaQuery } from '../../influx/queries/stats';
import { failed, pass, warn, type Check } from '../types';
import { plural } from '../../model/plural';

/** Tag keys every series has, which are Flux's own columns rather than HomeIQ's tags. */
const BUILTIN_TAGS = new Set(['_measurement', '_field', '_start', '_stop']);

export function bucketSchema(b: BucketSpec): Check {
  return {
    id: `bucket-schema:${b.name}`,
    title: `Tags and fields in ${b.name} match HomeIQ's wire format`,
    dependsOn: [`bucket-measurements:${b.name}`],
    async run(ctx) {
      const present = new Set(ctx.measurements.get(b.name) ?? []);
      const checked = b.measurements.filter((m) => present.has(m.name));
      if (checked.length === 0) return pass('No spec measurement has data yet: nothing to compare.');
      const missing: string[] = [];
      const extra: string[] = [];
      await Promise.all(
        checked.map(async (m) => {
          const q = schemaQuery(b.name, m.name);
          const [tagRows, fieldRows] = await Promise.all([queryRows(q.tags, ctx.conn), queryRows(q.fields, ctx.conn)]);
          const tags = new Set(tagRows.map((r) => String(r._value)).filter((t) => !BUILTIN_TAGS.has(t)));
          const fields = new Set(fieldRows.map((r) => String(r._value)));
          for (const t of m.tags) if (!tags.has(t)) missing.push(`${m.name}: tag ${t}`);
          for (const f of Object.keys(m.fields)) if (!fields.has(f)) missing.push(`${m.name}: field ${f}`);
          for (const t of tags) if (!m.tags.includes(t)) extra.push(`${m.name}: tag ${t}`);
          for (const f of fields) if (!(f in m.fields)) extra.push(`${m.name}: field ${f}`);
        }),
      );
      if (missing.length) {
        return failed(`Missing from the data: ${missing.sort().join('; ')}.`, "HomeIQ's writer should write these as in ai5-wire-format.md; check the writer version, or fix the spec if the format changed.");
      }
      if (extra.length) return warn(`Not in the spec: ${extra.sort().join('; ')}.`, 'Add them to the spec if HomeIQ writes them on purpose.');
      return pass(`Tags and fields of ${plural(checked.length, 'measurement')} match the spec.`);
    },
  };
}
