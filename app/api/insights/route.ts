import { guardRoute } from '@/lib/auth/route-guard';
import { consoleError } from '@/lib/errors';
import { resultResponse } from '@/lib/http-status';
import { bucketNameSchema } from '@/lib/model/bucket-input';
import { fail } from '@/lib/result';
import { readInsights } from '@/lib/use-cases/read-insights';

export const dynamic = 'force-dynamic';

/**
 * The insights of the spec's buckets, or of `?bucket=NAME`, for any signed-in role: series
 * drivers and projections, freshness, type changes, refused writes, each finding with its fix.
 * Built on the cached record counts (as /api/stats), the index and /metrics; `?fresh=1` brings
 * the counts up to date first (only what may have changed is counted again).
 */
export const GET = guardRoute('read', async (req) => {
  const params = new URL(req.url).searchParams;
  const bucket = params.get('bucket');
  if (bucket !== null) {
    const name = bucketNameSchema.safeParse(bucket);
    if (!name.success) return resultResponse(fail(consoleError('invalid', name.error.issues[0]?.message ?? 'Invalid bucket name.')));
  }
  return resultResponse(await readInsights(bucket ?? undefined, { mode: params.get('fresh') === '1' ? 'fresh' : 'cached', signal: req.signal }));
});
