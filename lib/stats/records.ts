import 'server-only';
import { connection, type Connection } from '../influx/client';
import { queryRows } from '../influx/query';
import type { BucketSpec } from '../spec/schema';
import { countsByMeasurement, timeByMeasurement, type MeasurementCount } from './aggregate';
import { seriesAggregateQuery, type CountedMeasurement } from './flux';

export function countedMeasurements(spec: BucketSpec | undefined): CountedMeasurement[] {
  return spec ? spec.measurements.map((m) => ({ name: m.name, countField: m.countField })) : [];
}

/** Records and tag sets per measurement of a bucket: one pushed-down count query. */
export async function countRecords(bucket: string, spec: BucketSpec | undefined, conn: Connection = connection()): Promise<Map<string, MeasurementCount>> {
  return countsByMeasurement(await queryRows(seriesAggregateQuery(bucket, countedMeasurements(spec), 'count'), conn));
}

export interface MeasurementTimes {
  first: Map<string, string>;
  last: Map<string, string>;
}

/** First and last record time per measurement: two pushed-down queries, run together. */
export async function recordTimes(bucket: string, spec: BucketSpec | undefined, conn: Connection = connection()): Promise<MeasurementTimes> {
  const known = countedMeasurements(spec);
  const [first, last] = await Promise.all([queryRows(seriesAggregateQuery(bucket, known, 'first'), conn), queryRows(seriesAggregateQuery(bucket, known, 'last'), conn)]);
  return { first: timeByMeasurement(first, 'min'), last: timeByMeasurement(last, 'max') };
}
