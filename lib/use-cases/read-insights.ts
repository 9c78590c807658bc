import 'server-only';
import type { InsightsReport } from '../model/insights';
import type { Result } from '../result';
import type { StatsOptions } from '../stats/service';
import { withInflux } from './context';
import { insightsOf } from './shared/insights';

/**
 * Why each bucket grows, which detector went silent, and what to change in the writer: from the
 * record counts kept in console.db (brought up to date as `stats` does), the index and /metrics.
 */
export function readInsights(only?: string, opts: StatsOptions = {}): Promise<Result<InsightsReport>> {
  return withInflux((ctx) => insightsOf(ctx, only, opts), { shareBucketList: (opts.mode ?? 'cached') === 'cached' });
}
