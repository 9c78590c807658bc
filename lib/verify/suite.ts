import type { ConsoleSpec } from '../spec/schema';
import { bucketDescription } from './checks/bucket-description';
import { bucketExists } from './checks/bucket-exists';
import { bucketInsightsCheck } from './checks/bucket-insights';
import { bucketMeasurements } from './checks/bucket-measurements';
import { bucketRead } from './checks/bucket-read';
import { bucketRetention } from './checks/bucket-retention';
import { bucketSchema } from './checks/bucket-schema';
import { bucketShardGroups } from './checks/bucket-shard-groups';
import { bucketVolume } from './checks/bucket-volume';
import { bucketWrite } from './checks/bucket-write';
import { metrics } from './checks/metrics';
import { reachable } from './checks/reachable';
import { ready } from './checks/ready';
import { token } from './checks/token';
import { consoleToken } from './checks/console-token';
import { writerToken } from './checks/writer-token';
import type { Check } from './types';

/** The checks of a spec, in the order they run; every bucket of the spec gets its own. */
export function buildSuite(spec: ConsoleSpec): Check[] {
  const perBucket = spec.buckets.flatMap((b) => [
    bucketExists(b),
    bucketRetention(b),
    // Only where the spec names one: a spec without leaves it to InfluxDB.
    ...(b.shardGroupDuration === undefined ? [] : [bucketShardGroups({ ...b, shardGroupDuration: b.shardGroupDuration })]),
    bucketDescription(b),
    bucketWrite(b),
    bucketRead(b),
    bucketMeasurements(b),
    bucketSchema(b),
    bucketVolume(b),
    bucketInsightsCheck(b),
  ]);
  return [reachable, ready, token, ...perBucket, writerToken, consoleToken, metrics];
}
