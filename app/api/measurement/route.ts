import { z } from 'zod';
import { guardRoute } from '@/lib/auth/route-guard';
import { consoleError } from '@/lib/errors';
import { resultResponse } from '@/lib/http-status';
import { bucketNameSchema } from '@/lib/model/bucket-input';
import { fail } from '@/lib/result';
import { readMeasurement } from '@/lib/use-cases/read-measurement';

export const dynamic = 'force-dynamic';

const name = z.string().trim().min(1).max(255);
const query = z.object({
  bucket: bucketNameSchema,
  measurement: name,
  tag: name.optional(),
  search: z.string().max(200).optional(),
  page: z.coerce.number().int().min(1).max(100_000).optional(),
  pageSize: z.coerce.number().int().min(1).max(500).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});

/**
 * One measurement closely, for any signed-in role: records per day, records per tag value
 * (`?tag=K&search=…&limit=N`), the newest points as stored (`?page=N&pageSize=N`) and its insights.
 */
export const GET = guardRoute('read', async (req) => {
  const params = Object.fromEntries([...new URL(req.url).searchParams].filter(([, v]) => v !== ''));
  const parsed = query.safeParse(params);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return resultResponse(
      fail(
        consoleError(
          'invalid',
          `${issue?.path.join('.') || 'query'}: ${issue?.message ?? 'invalid'}`,
          'Use ?bucket=B&measurement=M, optionally &tag=K&search=TEXT&page=N.',
        ),
      ),
    );
  }
  return resultResponse(await readMeasurement({ ...parsed.data, signal: req.signal }));
});
