import { consoleError } from '@/lib/influx/errors';
import { resultResponse } from '@/lib/influx/http-status';
import { bucketNameSchema } from '@/lib/provision/bucket-input';
import { fail } from '@/lib/result';
import { readStats } from '@/lib/stats/stats-commands';

export const dynamic = 'force-dynamic';

/** Stats of the spec's buckets, or of `?bucket=NAME`. */
export async function GET(req: Request) {
  const bucket = new URL(req.url).searchParams.get('bucket');
  if (bucket !== null) {
    const name = bucketNameSchema.safeParse(bucket);
    if (!name.success) return resultResponse(fail(consoleError('invalid', name.error.issues[0]?.message ?? 'Invalid bucket name.')));
  }
  return resultResponse(await readStats(bucket ?? undefined));
}
