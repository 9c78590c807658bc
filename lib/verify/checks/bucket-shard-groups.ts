import { formatRetention } from '../../model/retention';
import type { BucketSpec } from '../../spec/schema';
import { pass, warn, type Check } from '../types';

/**
 * The shard-group duration a spec names (a spec without one leaves it to InfluxDB, and has no
 * such check). A different one loses no data, so it warns: new shard groups get the other size.
 */
export function bucketShardGroups(b: BucketSpec & { shardGroupDuration: number }): Check {
  const want = formatRetention(b.shardGroupDuration);
  return {
    id: `bucket-shard-groups:${b.name}`,
    title: `Bucket ${b.name} makes shard groups of ${want}`,
    dependsOn: [`bucket-exists:${b.name}`],
    async run(ctx) {
      const actual = ctx.buckets.get(b.name);
      if (actual?.shardGroupDurationSeconds === b.shardGroupDuration) return pass(`Shard groups cover ${want}, as the spec says.`);
      const now = actual?.shardGroupDurationSeconds ? formatRetention(actual.shardGroupDurationSeconds) : "InfluxDB's choice";
      // The retention goes with it: an update naming only the SGD reset it to 30d (influxdata/influxdb#24765).
      const retention = actual ? formatRetention(actual.retentionSeconds) : formatRetention(b.retention);
      return warn(
        `Shard groups cover ${now}, the spec says ${want}. Existing data is safe: a change applies to new shard groups only.`,
        `Run Provision (it plans "shard groups ${now} → ${want}"), or: influx bucket update --id ${actual?.id ?? '<id>'} --retention ${retention} --shard-group-duration ${want}`,
      );
    },
  };
}
