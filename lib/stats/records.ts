import 'server-only';
import { connection, type Connection } from '../influx/client';
import { queryRows } from '../influx/query';
import type { BucketSpec } from '../spec/schema';
import { countsByMeasurement, type MeasurementCount } from './aggregate';
import { countQuery, type CountedMeasurement } from '../influx/queries/stats';

export function countedMeasurements(spec: BucketSpec | undefined): CountedMeasurement[] {
  return spec ? spec.measurements.map((m) => ({ name: m.name, countField: m.countField })) : [];
}

/** Records and tag sets per measurement of a bucket: one pushed-down count query. */
export async function countRecords(bucket: string, spec: BucketSpec | undefined, conn: Connection = connection()): Promise<Map<string, MeasurementCount>> {
  return countsByMeasurement(await queryRows(countQuery(bucket, countedMeasurements(spec)), conn));
}
