import 'server-only';
import { connection, type Connection } from '../influx/client';
import { queryRows } from '../influx/query';
import { countQuery } from '../influx/queries/stats';
import { countsByMeasurement, type MeasurementCount } from './aggregate';
import { countSlices, inSlices, type Slice } from './slices';

export interface CountedBucket {
  name: string;
  retentionSeconds: number;
  shardGroupDurationSeconds?: number;
}

/** Runs a query per slice of the bucket (one query for infinite retention) and concatenates the rows. */
export async function sliced<T>(bucket: CountedBucket, query: (slice: Slice | undefined) => Promise<T[]>): Promise<T[]> {
  const slices = countSlices(bucket);
  return slices ? (await inSlices(slices, query)).flat() : query(undefined);
}

/**
 * Records (points, exact) and tag sets per measurement of a bucket, counted slice by slice. Tag
 * sets are the sum over slices: exact when no series has points in two slices, as with HomeIQ's
 * date/week/month tags.
 */
export async function countRecords(bucket: CountedBucket, conn: Connection = connection()): Promise<Map<string, MeasurementCount>> {
  return countsByMeasurement(await sliced(bucket, (slice) => queryRows(countQuery(bucket.name, slice), conn)));
}
