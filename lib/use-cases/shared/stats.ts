import 'server-only';
import { ConsoleFailure } from '../../errors';
import { bucketMissing } from '../../messages';
import type { BucketStats } from '../../stats/bucket-stats';
import { statsService, type StatsOptions, type StatsScope } from '../../stats/service';
import type { Context } from '../context';

/** The stats service's view of a use case's context. */
export function statsScope(ctx: Context): StatsScope {
  return { conn: ctx.influx.conn, buckets: () => ctx.influx.buckets(), specs: ctx.spec.buckets };
}

/** Stats of the spec's buckets, or of the one named (which may be outside the spec), through the stats service. */
export async function statsOf(ctx: Context, only?: string, opts: StatsOptions = {}): Promise<BucketStats[]> {
  const names = only ? [only] : ctx.spec.buckets.map((b) => b.name);
  const existing = await ctx.influx.buckets();
  return Promise.all(
    names.map((name) => {
      const bucket = existing.find((b) => b.name === name);
      if (!bucket) throw new ConsoleFailure(bucketMissing(name, only ? 'Pick a bucket from the list.' : undefined));
      return statsService.of(statsScope(ctx), bucket, opts);
    }),
  );
}

/** Records per measurement of a bucket of the organization, brought up to date, nothing else read (see StatsService.records). */
export async function recordsOf(
  ctx: Context,
  name: string,
  signal?: AbortSignal,
  onSlice?: (done: number, total: number) => void,
): Promise<Record<string, number>> {
  const bucket = (await ctx.influx.buckets()).find((b) => b.name === name);
  if (!bucket) throw new ConsoleFailure(bucketMissing(name));
  return statsService.records(statsScope(ctx), bucket, signal, onSlice);
}
