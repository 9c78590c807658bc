import { guardRoute } from '@/lib/auth/route-guard';
import { consoleError } from '@/lib/errors';
import { resultResponse } from '@/lib/http-status';
import { fail } from '@/lib/result';
import { startUpload } from '@/lib/use-cases/start-upload';

export const dynamic = 'force-dynamic';

/**
 * `POST /api/data/import?bucket=<id>` with `{"size", "fileName"}`: starts an upload and answers
 * `{importId, chunkBytes}`. The file follows in chunks (`/api/data/import/<id>?offset=N`), below
 * the 1 MB request-body limit, then `/check` answers the dry run and `/write` writes.
 */
export const POST = guardRoute('change', async (req) => {
  const body = (await req.json().catch(() => null)) as Record<string, unknown> | null;
  if (!body || typeof body !== 'object') return resultResponse(fail(consoleError('invalid', 'Send {"size", "fileName"} as JSON.')));
  return resultResponse(await startUpload({ bucketId: new URL(req.url).searchParams.get('bucket') ?? '', size: body.size, fileName: body.fileName }));
});
