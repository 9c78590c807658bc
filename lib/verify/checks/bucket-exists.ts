import { findBucket } from '../../influx/buckets';
import type { BucketSpec } from '../../spec/schema';
import { failed, pass, type Check } from '../types';

export function bucketExists(b: BucketSpec): Check {
  return {
    id: `bucket-exists:${b.name}`,
    title: `Bucket ${b.name} exists`,
    dependsOn: ['token-org'],
    async run(ctx) {
      const orgID = ctx.connection?.orgID;
      const found = orgID ? await findBucket(orgID, b.name, ctx.conn) : null;
      if (!found)
        return failed(
          `No bucket named ${b.name} in organization ${ctx.spec.org}.`,
          'Open Provision and click "Provision AI-5 buckets", or run: npm run --silent cli -- provision',
        );
      ctx.buckets.set(b.name, found);
      return pass(`Found ${b.name} (${found.id}).`);
    },
  };
}
