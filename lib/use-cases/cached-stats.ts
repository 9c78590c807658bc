import 'server-only';
import { errorText, log } from '../log';
import type { Result } from '../result';
import type { BucketStats } from '../stats/bucket-stats';
import { statsService } from '../stats/service';
import { withInflux } from './context';
import { statsOf } from './shared/stats';

/**
 * The spec's buckets from the cache only, for a server render that must not wait for a slow
 * count: null unless every one has been assembled before (a refresh is then started for the client).
 */
export async function cachedStats(): Promise<Result<BucketStats[] | null>> {
  return withInflux(
    async (ctx) => {
      const existing = await ctx.influx.buckets();
      const cached = ctx.spec.buckets.map((b) => {
        const bucket = existing.find((x) => x.name === b.name);
        return bucket ? statsService.held(ctx.influx.conn.env.url, bucket) : undefined;
      });
      if (cached.some((c) => c === undefined)) {
        // Count for the client's first request, unless a bucket is missing (the screen says so then).
        const missing = ctx.spec.buckets.some((b) => !existing.some((x) => x.name === b.name));
        if (!missing) void statsOf(ctx).catch((e: unknown) => log.warn('stats: background count failed', { error: errorText(e) }));
        return null;
      }
      return cached as BucketStats[];
    },
    { shareBucketList: true },
  );
}
