import { bucketFacts } from '../../insights/facts';
import { bucketGate } from '../../insights/gate';
import { bucketInsights, DEFAULT_SERIES_LIMIT } from '../../insights/report';
import { graceSeconds, type BucketSpec } from '../../spec/schema';
import { refreshCounts } from '../../stats/incremental';
import { scrapeMetrics } from '../../stats/scrape';
import { statsService } from '../../stats/service';
import { plural } from '../../model/plural';
import { checkedBucket, failed, pass, warn, type Check } from '../types';

/**
 * The Insights findings of a bucket (time tags, write-time stamps, silent detectors, type
 * changes, refused writes, series limit) as a warning: information to act on. One thing fails:
 * a spec measurement never written, or gone silent, while the bucket has received the other
 * measurements' data for longer than its grace (gate.ts): a detector of the pipeline is down.
 */
export function bucketInsightsCheck(b: BucketSpec): Check {
  return {
    id: `bucket-insights:${b.name}`,
    title: `Insights of ${b.name}: no silent detector, growth or writer finding`,
    dependsOn: [`bucket-measurements:${b.name}`],
    async run(ctx) {
      const bucket = checkedBucket(ctx, b.name);
      const now = ctx.now?.() ?? Date.now();
      // The measurements check has just brought the counts up to date: this only reads them.
      const counted = await refreshCounts(ctx.conn.env.url, bucket, 'check', { conn: ctx.conn, metrics: (maxAgeMs) => scrapeMetrics(ctx.conn, maxAgeMs) });
      // The screens' figures of the same counts when this process holds them: no index read again.
      const stats = await statsService.ofCounts(ctx.conn, bucket, b, counted);
      const facts = await bucketFacts(ctx.conn, ctx.spec, bucket, stats);
      const { findings } = bucketInsights(facts, ctx.spec.seriesLimit ?? DEFAULT_SERIES_LIMIT, now);
      const gate = bucketGate(stats, b, facts.createdAt, now, graceSeconds);
      const down = gate.filter((v) => v.status === 'fail');
      const fixFor = (measurement: string) =>
        findings.find((f) => f.measurement === measurement && (f.kind === 'never-written' || f.kind === 'silent'))?.fix ?? '';
      if (down.length > 0) {
        const rest = findings.filter((f) => !down.some((d) => d.measurement === f.measurement && (f.kind === 'never-written' || f.kind === 'silent')));
        const more = rest.length ? ` Also ${plural(rest.length, 'other finding')} (${[...new Set(rest.map((f) => f.kind))].join(', ')}): see Insights.` : '';
        const downLines = down.map((d) => `${d.kind} (${d.measurement}): ${d.detail}`);
        return {
          ...failed(
            `${plural(down.length, 'detector')} down: ${downLines.join(' ')}${more}`,
            `${[...new Set(down.map((d) => fixFor(d.measurement)).filter(Boolean))].slice(0, 2).join(' ')} A longer grace for a measurement or bucket can be set in the spec ("grace": "7d").`.trim(),
          ),
          grouped: { lead: `${plural(down.length, 'detector')} down.`, notes: downLines, findings: rest },
        };
      }
      if (findings.length === 0 && gate.length === 0)
        return pass(
          stats.records === 0
            ? 'No data yet: nothing to look into.'
            : 'No findings: series do not grow with time, every detector writes on time, types are stable and no write was refused.',
        );
      const kinds = [...new Set(findings.map((f) => f.kind))];
      const lines = findings.map((f) => `${f.kind}${f.measurement ? ` (${f.measurement})` : ''}: ${f.detail}`);
      const pending = gate.map((v) => `gate (${v.measurement}): ${v.detail}`);
      const count = findings.length ? `${plural(findings.length, 'finding')} (${kinds.join(', ')}).` : 'No findings.';
      return {
        ...warn(
          [count, ...lines, ...pending].join(' '),
          `${[...new Set(findings.map((f) => f.fix))].slice(0, 3).join(' ')} All findings with their fixes: Insights screen, or npm run --silent cli -- insights.`,
        ),
        grouped: {
          lead: findings.length ? `${plural(findings.length, 'finding')} of ${plural(kinds.length, 'kind')}.` : 'No findings.',
          notes: pending,
          findings,
        },
      };
    },
  };
}
