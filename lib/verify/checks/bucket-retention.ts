import { formatRetention } from '../../model/retention';
import type { BucketSpec } from '../../spec/schema';
import { failed, pass, type Check } from '../types';

export function bucketRetention(b: BucketSpec): Check {
  return {
    id: `bucket-retention:${b.name}`,
    title: `Bucket ${b.name} keeps data for ${formatRetention(b.retention)}`,
    dependsOn: [`bucket-exists:${b.name}`],
    async run(ctx) {
      const actual = ctx.buckets.get(b.name);
      const want = formatRetention(b.retention);
      if (!actual || actual.retentionSeconds !== b.retention) {
        return failed(
          `Retention is ${actual?.retentionText ?? 'unknown'}, the spec says ${want}.`,
          `Run Provision (it plans "retention ${actual?.retentionText ?? '?'} → ${want}"), or: influx bucket update --id ${actual?.id ?? '<id>'} --retention ${want}`,
        );
      }
      return pass(`Retention is ${want}, as the spec says.`);
    },
  };
}
