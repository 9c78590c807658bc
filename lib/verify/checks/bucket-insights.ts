import { bucketFacts } from '../../insights/facts';
import { bucketInsights, DEFAULT_SERIES_LIMIT } from '../../insights/report';
import type { BucketSpec } from '../../spec/schema';
import { refreshCounts } from '../../stats/incremental';
import { scrapeMetrics } from '../../stats/scrape';
import { statsOfCounts } from '../../use-cases/read-stats';
import { checkedBucket, pass, warn, type Check } from '../types';

/**
 * The Insights findings of a bucket (time tags, write-time stamps, silent detectors, type
 * changes, refused writes, series limit) as a warning: information to act on, never a failure.
 */
export function bucketInsightsCheck(b: BucketSpec): Check {
  return {
    id: `bucket-insights:${b.name}`,
    title: `Insights of ${b.name}: no silent detector, growth or writer finding`,
    dependsOn: [`bucket-measurements:${b.name}`],
    async run(ctx) {
      const bucket = checkedBucket(ctx, b.name);
      // The measurements check has just brought the counts up to date: this only reads them.
      const counted = await refreshCounts(ctx.conn.env.url, bucket, 'check', { conn: ctx.conn, metrics: (maxAgeMs) => scrapeMetrics(ctx.conn, maxAgeMs) });
      // The screens' figures of the same counts when this process holds them: no index read again.
      const stats = await statsOfCounts(ctx.conn, bucket, b, counted);
      const { findings } = bucketInsights(await bucketFacts(ctx.conn, ctx.spec, bucket, stats), ctx.spec.seriesLimit ?? DEFAULT_SERIES_LIMIT, Date.now());
      if (findings.length === 0) return pass(stats.records === 0 ? 'No data yet: nothing to look into.' : 'No findings: series do not grow with time, every detector writes on time, types are stable and no write was refused.');
      const kinds = [...new Set(findings.map((f) => f.kind))];
      const lines = findings.map((f) => `${f.kind}${f.measurement ? ` (${f.measurement})` : ''}: ${f.detail}`);
      return warn(`${findings.length} finding${findings.length === 1 ? '' : 's'} (${kinds.join(', ')}). ${lines.join(' ')}`, `${[...new Set(findings.map((f) => f.fix))].slice(0, 3).join(' ')} All findings with their fixes: Insights screen, or npm run --silent cli -- insights.`);
    },
  };
}
