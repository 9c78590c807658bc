import 'server-only';
import { DEFAULT_SAMPLE, loadSample, type LoadedSample } from '../aggregates/load-sample';
import type { SampleOptions } from '../aggregates/sample';
import type { Scenario } from '../aggregates/scenarios';
import type { Actor } from '../auth/actor';
import { consoleError, ConsoleFailure } from '../errors';
import { measurementNames } from '../influx/index-reads';
import type { Result } from '../result';
import { outcome, recordChange, withInflux, type Context } from './context';

export interface LoadSampleOptions {
  sample?: Omit<SampleOptions, 'now'>;
  /** The console's button loads sample data only while the buckets hold none (the CLI may add to them). */
  onlyIntoEmpty?: boolean;
  onProgress?: (done: number, total: number) => void;
  /** Sample data that shows one Insights finding on purpose (lib/aggregates/scenarios.ts). */
  scenario?: Scenario;
}

/** Measurements in the storage index: cheap (no data is read), and never empty when a point exists. */
async function holdingData({ spec, influx }: Context): Promise<string[]> {
  const full = await Promise.all(
    spec.buckets.map(async (b) => {
      if (!(await influx.bucket(b.name))) return null;
      return (await measurementNames(b.name, influx.conn)).length > 0 ? b.name : null;
    }),
  );
  return full.filter((n): n is string => n !== null);
}

/** Writes realistic sample aggregates (default: 90 days, 52 weeks, 10 entities) into the spec's buckets. */
export async function loadSampleData(actor: Actor, opts: LoadSampleOptions = {}): Promise<Result<LoadedSample>> {
  const sample = opts.sample ?? DEFAULT_SAMPLE;
  let buckets = '';
  const result = await withInflux(async (ctx) => {
    buckets = ctx.spec.buckets.map((b) => b.name).join(', ');
    if (opts.onlyIntoEmpty) {
      const full = await holdingData(ctx);
      if (full.length) {
        throw new ConsoleFailure(
          consoleError(
            'conflict',
            `Sample data goes only into empty buckets, and ${full.join(' and ')} already ${full.length === 1 ? 'holds' : 'hold'} data.`,
            'Browse the data you have on the Measurements screen; to start over, delete the buckets and provision them again.',
          ),
        );
      }
    }
    return loadSample(ctx.spec, { ...sample }, opts.onProgress ?? (() => {}), ctx.influx, opts.scenario);
  });
  recordChange(
    actor,
    outcome(result, {
      action: 'sample.load',
      bucket: buckets || null,
      before: null,
      after: (d) => ({ points: d.points, ...sample, ...(opts.scenario ? { scenario: opts.scenario, refused: d.refused ?? 0 } : {}) }),
    }),
    { changed: true },
  );
  return result;
}
