import 'server-only';
import type { Result } from '../result';
import type { BucketStats } from '../stats/bucket-stats';
import type { StatsOptions } from '../stats/service';
import { withInflux } from './context';
import { statsOf } from './shared/stats';

/**
 * Stats of the spec's buckets, or of the one bucket named (which may be outside the spec).
 * `fresh`: recount now what may have changed; `full`: recount everything. Concurrent callers
 * of the same refresh share one count.
 */
export function readStats(only?: string, opts: StatsOptions = {}): Promise<Result<BucketStats[]>> {
  // Served from memory, these reads may share a bucket list a moment old; a refresh lists afresh.
  return withInflux((ctx) => statsOf(ctx, only, opts), { shareBucketList: (opts.mode ?? 'cached') === 'cached' });
}
