import 'server-only';
import { InfluxError } from '../errors';
import type { InfluxSession } from '../influx/session';
import { bucketMissing } from '../messages';
import type { ConsoleSpec } from '../spec/schema';
import { sampleAggregates, sampleSize, type SampleOptions } from './sample';
import { createAggregateWriter } from './writer';

export const DEFAULT_SAMPLE: Omit<SampleOptions, 'now'> = { days: 90, weeks: 52, entities: 10, seed: 1 };

const SAMPLE_FIX = 'Provision the buckets first (Provision screen, or: npm run --silent cli -- provision), then load the sample data.';

/** Writes the sample aggregates into the spec's buckets, which must exist; reports progress. */
export async function loadSample(spec: ConsoleSpec, opts: SampleOptions, onProgress: (done: number, total: number) => void, influx: InfluxSession): Promise<{ points: number; ms: number }> {
  const started = performance.now();
  const names = new Set(spec.buckets.flatMap((b) => b.measurements.map((m) => m.name)));
  for (const b of spec.buckets) {
    if (!(await influx.bucket(b.name))) throw new InfluxError({ ...bucketMissing(b.name, SAMPLE_FIX), message: `Bucket ${b.name} does not exist yet.` });
  }
  const writer = createAggregateWriter(spec, influx.conn);
  const total = sampleSize(opts);
  let done = 0;
  try {
    for (const item of sampleAggregates(opts)) {
      if (!names.has(item.measurement)) continue;
      writer.write(item.measurement, item.record as never, item.writtenAt);
      done++;
      if (done % 2_000 === 0) {
        await writer.flush();
        onProgress(done, total);
      }
    }
  } finally {
    await writer.close();
  }
  onProgress(done, total);
  return { points: done, ms: Math.round(performance.now() - started) };
}
