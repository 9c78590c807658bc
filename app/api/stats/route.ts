import { guardRoute } from '@/lib/auth/route-guard';
import { consoleError } from '@/lib/influx/errors';
import { resultResponse } from '@/lib/influx/http-status';
import { bucketNameSchema } from '@/lib/provision/bucket-input';
import { fail } from '@/lib/result';
import { readStats } from '@/lib/stats/stats-commands';

export const dynamic = 'force-dynamic';

/** Stats of the spec's buckets, or of `?bucket=NAME`; `?fresh=1` counts now instead of answering from the cache. */
export const GET = guardRoute('read', async (req) => {
  const params = new URL(req.url).searchParams;
  const bucket = params.get('bucket');
  if (bucket !== null) {
    const name = bucketNameSchema.safeParse(bucket);
    if (!name.success) return resultResponse(fail(consoleError('invalid', name.error.issues[0]?.message ?? 'Invalid bucket name.')));
  }
  return resultResponse(await readStats(bucket ?? undefined, { fresh: params.get('fresh') === '1' }));
});
