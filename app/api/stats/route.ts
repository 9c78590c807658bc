import { guardRoute } from '@/lib/auth/route-guard';
import { consoleError } from '@/lib/errors';
import { resultResponse } from '@/lib/http-status';
import { readOnly } from '@/lib/messages';
import { bucketNameSchema } from '@/lib/model/bucket-input';
import { fail } from '@/lib/result';
import { readStats } from '@/lib/use-cases/read-stats';

export const dynamic = 'force-dynamic';

/**
 * Stats of the spec's buckets, or of `?bucket=NAME`, from the cache. `?fresh=1` counts now
 * (admin only: a count can keep InfluxDB busy for minutes); concurrent fresh requests share one count.
 */
export const GET = guardRoute('read', async (req, { session }) => {
  const params = new URL(req.url).searchParams;
  const bucket = params.get('bucket');
  if (bucket !== null) {
    const name = bucketNameSchema.safeParse(bucket);
    if (!name.success) return resultResponse(fail(consoleError('invalid', name.error.issues[0]?.message ?? 'Invalid bucket name.')));
  }
  const fresh = params.get('fresh') === '1';
  if (fresh && session.role !== 'admin') {
    return resultResponse(fail({ ...readOnly(), message: 'Counting afresh (fresh=1) is for the admin: it can keep InfluxDB busy for minutes. The cached figures are served to everyone.' }));
  }
  return resultResponse(await readStats(bucket ?? undefined, { fresh }));
});
