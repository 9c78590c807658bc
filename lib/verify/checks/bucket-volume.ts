import type { BucketSpec } from '../../spec/schema';
import { countRecords } from '../../stats/records';
import { checkedBucket, pass, warn, type Check } from '../types';
import { formatNumber } from '../../model/format';
import { plural } from '../../model/plural';

export function bucketVolume(b: BucketSpec): Check {
  return {
    id: `bucket-volume:${b.name}`,
    title: `Records in ${b.name} are within twice the estimate (~${formatNumber(b.estimatedRecords)})`,
    dependsOn: [`bucket-read:${b.name}`],
    async run(ctx) {
      const counts = ctx.counts.get(b.name) ?? (await countRecords(checkedBucket(ctx, b.name), ctx.conn));
      let total = 0;
      for (const c of counts.values()) total += c.records;
      const detail = `${plural(total, 'record')}; the seed estimates ~${formatNumber(b.estimatedRecords)} at full retention.`;
      if (total > 2 * b.estimatedRecords) {
        return warn(
          `${detail} That is ${(total / Math.max(1, b.estimatedRecords)).toFixed(1)}× the estimate.`,
          'Look at the Measurements screen for the measurement that grows fastest (duplicate weekly writes, or more entities than planned); raise the estimate in the spec if the growth is expected.',
        );
      }
      return pass(detail);
    },
  };
}
