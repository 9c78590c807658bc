import type { BucketSpec } from '../../spec/schema';
import { pass, warn, type Check } from '../types';

export function bucketDescription(b: BucketSpec): Check {
  return {
    id: `bucket-description:${b.name}`,
    title: `Bucket ${b.name} has the spec's description`,
    dependsOn: [`bucket-exists:${b.name}`],
    async run(ctx) {
      const actual = ctx.buckets.get(b.name)?.description ?? '';
      if (actual !== b.description) {
        return warn(`Description is "${actual}", the spec says "${b.description}".`, 'Run Provision to set it, or edit the bucket on the Buckets screen.');
      }
      return pass(`Description is "${b.description}".`);
    },
  };
}
