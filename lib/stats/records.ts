import 'server-only';
import { connection, type Connection } from '../influx/client';
import { queryRows } from '../influx/query';
import { countQuery } from '../influx/queries/stats';
import { countsByMeasurement, type MeasurementCount } from './aggregate';

/** Records (points, exact) and tag sets per measurement of a bucket, in one query. */
export async function countRecords(bucket: string, conn: Connection = connection()): Promise<Map<string, MeasurementCount>> {
  return countsByMeasurement(await queryRows(countQuery(bucket), conn));
}
