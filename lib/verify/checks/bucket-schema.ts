import { measurementSchema } from '../../influx/index-reads';
import type { BucketSpec } from '../../spec/schema';
import { failed, pass, warn, type Check } from '../types';
import { plural } from '../../model/plural';

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
          const schema = await measurementSchema(b.name, m.name, ctx.conn);
          const tags = new Set(schema.tags);
          const fields = new Set(schema.fields);
          for (const t of m.tags) if (!tags.has(t)) missing.push(`${m.name}: tag ${t}`);
          for (const f of Object.keys(m.fields)) if (!fields.has(f)) missing.push(`${m.name}: field ${f}`);
          for (const t of tags) if (!m.tags.includes(t)) extra.push(`${m.name}: tag ${t}`);
          for (const f of fields) if (!(f in m.fields)) extra.push(`${m.name}: field ${f}`);
        }),
      );
      if (missing.length) {
        return failed(
          `Missing from the data: ${missing.sort().join('; ')}.`,
          "HomeIQ's writer should write these as in ai5-wire-format.md; check the writer version, or fix the spec if the format changed.",
        );
      }
      if (extra.length) return warn(`Not in the spec: ${extra.sort().join('; ')}.`, 'Add them to the spec if HomeIQ writes them on purpose.');
      return pass(`Tags and fields of ${plural(checked.length, 'measurement')} match the spec.`);
    },
  };
}
