import 'server-only';
import { ConsoleFailure } from '../errors';
import type { InfluxSession } from '../influx/session';
import { bucketMissing } from '../messages';
import type { ConsoleSpec } from '../spec/schema';
import { shardGroupStart } from '../stats/slices';
import { sampleAggregates, sampleSize, type SampleOptions } from './sample';
import { CONFLICT, floatSpec, withScenario, type Scenario } from './scenarios';
import { createAggregateWriter } from './writer';

export const DEFAULT_SAMPLE: Omit<SampleOptions, 'now'> = { days: 90, weeks: 52, entities: 10, seed: 1 };

const SAMPLE_FIX = 'Provision the buckets first (Provision screen, or: npm run --silent cli -- provision), then load the sample data.';

/** InfluxDB's default shard group duration for a retention (seconds), when the bucket does not say. */
function defaultShardGroupSeconds(retentionSeconds: number): number {
  if (retentionSeconds > 0 && retentionSeconds < 2 * 86_400) return 3_600;
  return retentionSeconds === 0 || retentionSeconds > 180 * 86_400 ? 7 * 86_400 : 86_400;
}

export interface LoadedSample {
  points: number;
  ms: number;
  /** Points InfluxDB refused on purpose (the type-conflict scenario's last write). */
  refused?: number;
}

/** Writes the sample aggregates into the spec's buckets, which must exist; reports progress. A scenario adds one Insights finding on purpose. */
export async function loadSample(
  spec: ConsoleSpec,
  opts: SampleOptions,
  onProgress: (done: number, total: number) => void,
  influx: InfluxSession,
  scenario?: Scenario,
): Promise<LoadedSample> {
  const started = performance.now();
  const names = new Set(spec.buckets.flatMap((b) => b.measurements.map((m) => m.name)));
  for (const b of spec.buckets) {
    if (!(await influx.bucket(b.name))) throw new ConsoleFailure({ ...bucketMissing(b.name, SAMPLE_FIX), message: `Bucket ${b.name} does not exist yet.` });
  }
  const now = opts.now ?? new Date();
  const conflictBucket = spec.buckets.find((b) => b.measurements.some((m) => m.name === CONFLICT.measurement));
  const info = conflictBucket ? await influx.bucket(conflictBucket.name) : undefined;
  const width = info ? info.shardGroupDurationSeconds || defaultShardGroupSeconds(info.retentionSeconds) : 86_400;
  const firstDay = Math.floor(now.getTime() / 86_400_000) * 86_400 - (opts.days - 1) * 86_400;
  const firstGroup = shardGroupStart(firstDay, width);
  const inFirstGroup = (day: string) => shardGroupStart(Date.parse(`${day}T00:00:00Z`) / 1000, width) === firstGroup;
  const writer = createAggregateWriter(spec, influx.conn);
  const floats = createAggregateWriter(floatSpec(spec), influx.conn);
  const total = sampleSize(opts);
  const items = scenario ? withScenario(sampleAggregates({ ...opts, now }), scenario, { now, inFirstGroup }) : sampleAggregates({ ...opts, now });
  let done = 0;
  try {
    for (const item of items) {
      if (!names.has(item.measurement)) continue;
      ('asFloat' in item && item.asFloat ? floats : writer).write(item.measurement, item.record as never, item.writtenAt);
      done++;
      if (done % 2_000 === 0) {
        await Promise.all([writer.flush(), floats.flush()]);
        onProgress(done, Math.max(done, total));
      }
    }
  } finally {
    await Promise.all([writer.close(), floats.close()]);
  }
  onProgress(done, done);
  const refused = scenario === 'type-conflict' ? await writeRefused(spec, opts, now, influx) : undefined;
  return { points: done, ms: Math.round(performance.now() - started), ...(refused === undefined ? {} : { refused }) };
}

/**
 * One point of the newest day with the conflict field as a float, into a shard that holds it as
 * an integer: InfluxDB refuses it (422 partial write) and counts it in /metrics.
 */
async function writeRefused(spec: ConsoleSpec, opts: SampleOptions, now: Date, influx: InfluxSession): Promise<number> {
  const newest = [...sampleAggregates({ ...opts, days: 1, weeks: 0, now })].find((i) => i.measurement === CONFLICT.measurement);
  if (!newest) return 0;
  const writer = createAggregateWriter(floatSpec(spec), influx.conn);
  writer.write(newest.measurement, { ...newest.record, entity_id: 'sensor.type_conflict' } as never);
  try {
    await writer.close();
  } catch (e) {
    // The refusal is the point of the scenario; any other failure is a real one.
    if (String((e as { body?: unknown }).body ?? (e as Error).message).includes('field type conflict')) return 1;
    throw e;
  }
  return 0;
}
