import { guardRoute } from '@/lib/auth/route-guard';
import { consoleError } from '@/lib/errors';
import { resultResponse } from '@/lib/http-status';
import { readOnly } from '@/lib/messages';
import { bucketNameSchema } from '@/lib/model/bucket-input';
import { fail } from '@/lib/result';
import { readStats } from '@/lib/use-cases/read-stats';

export const dynamic = 'force-dynamic';

/**
 * Stats of the spec's buckets, or of `?bucket=NAME`, from the cache. `?fresh=1` brings the
 * counts up to date now (only what may have changed is counted again); `?full=1` counts every
 * slice again and is the admin's (it can keep InfluxDB busy for minutes). Concurrent requests
 * share one count, which stops when every requester has gone.
 */
export const GET = guardRoute('read', async (req, { session }) => {
  const params = new URL(req.url).searchParams;
  const bucket = params.get('bucket');
  if (bucket !== null) {
    const name = bucketNameSchema.safeParse(bucket);
    if (!name.success) return resultResponse(fail(consoleError('invalid', name.error.issues[0]?.message ?? 'Invalid bucket name.')));
  }
  const mode = params.get('full') === '1' ? 'full' : params.get('fresh') === '1' ? 'fresh' : 'cached';
  if (mode === 'full' && session.role !== 'admin') {
    return resultResponse(
      fail({
        ...readOnly(),
        message:
          'Counting every slice again (full=1) is for the admin: it can keep InfluxDB busy for minutes. fresh=1 brings the counts up to date for everyone.',
      }),
    );
  }
  return resultResponse(await readStats(bucket ?? undefined, { mode, signal: req.signal }));
});
