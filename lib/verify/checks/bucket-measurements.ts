import { measurementNames } from '../../influx/index-reads';
import type { BucketSpec } from '../../spec/schema';
import { countRecords } from '../../stats/records';
import { checkedBucket, pass, warn, type Check } from '../types';

export function bucketMeasurements(b: BucketSpec): Check {
  return {
    id: `bucket-measurements:${b.name}`,
    title: `Measurements in ${b.name} match the spec`,
    dependsOn: [`bucket-read:${b.name}`],
    async run(ctx) {
      const names = await measurementNames(b.name, ctx.conn);
      const counts = await countRecords(checkedBucket(ctx, b.name), ctx.conn);
      ctx.counts.set(b.name, counts);
      // The index can list a measurement whose points were all deleted: count what has records.
      const present = names.filter((m) => (counts.get(m)?.records ?? 0) > 0);
      ctx.measurements.set(b.name, present);
      const expected = b.measurements.map((m) => m.name);
      const missing = expected.filter((m) => !present.includes(m));
      const unexpected = present.filter((m) => !expected.includes(m));
      const parts: string[] = [];
      if (present.length === 0) return pass(`The bucket is empty: no measurements yet (expected ${expected.length} once HomeIQ writes).`);
      if (missing.length) parts.push(`missing: ${missing.join(', ')}`);
      if (unexpected.length) parts.push(`not in the spec: ${unexpected.join(', ')}`);
      if (parts.length) {
        return warn(
          `${present.length} measurements present; ${parts.join('; ')}.`,
          missing.length
            ? `Check that the detectors for ${missing.join(', ')} run and write to ${b.name}.`
            : `Measurements outside the spec are listed on the Measurements screen; add them to the spec or stop writing them to ${b.name}.`,
        );
      }
      return pass(`All ${expected.length} measurements of the spec are present.`);
    },
  };
}
