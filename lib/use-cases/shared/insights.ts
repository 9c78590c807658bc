import 'server-only';
import { bucketFacts } from '../../insights/facts';
import { bucketInsights, DEFAULT_SERIES_LIMIT } from '../../insights/report';
import type { InsightsReport } from '../../model/insights';
import type { StatsOptions } from '../../stats/service';
import type { Context } from '../context';
import { statsOf } from './stats';

/** The insights of buckets the context already knows (the spec's, or the one named). */
export async function insightsOf(ctx: Context, only?: string, opts: StatsOptions = {}): Promise<InsightsReport> {
  const started = performance.now();
  const stats = await statsOf(ctx, only, opts);
  const existing = await ctx.influx.buckets();
  const now = Date.now();
  const limit = ctx.spec.seriesLimit ?? DEFAULT_SERIES_LIMIT;
  const assessed = await Promise.all(
    stats.map(async (s) => {
      const bucket = existing.find((b) => b.name === s.name);
      if (!bucket) return null;
      return bucketInsights(await bucketFacts(ctx.influx.conn, ctx.spec, bucket, s, opts.signal), limit, now);
    }),
  );
  const done = assessed.filter((a) => a !== null);
  return {
    computedAt: new Date(now).toISOString(),
    buckets: done.map((a) => a.bucket),
    findings: done.flatMap((a) => a.findings),
    durationMs: Math.round(performance.now() - started),
  };
}
