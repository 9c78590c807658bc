import { guardRoute } from '@/lib/auth/route-guard';
import { resultResponse } from '@/lib/http-status';
import { checkUpload } from '@/lib/use-cases/check-upload';

export const dynamic = 'force-dynamic';

/** `POST /api/data/import/<id>/check`: the dry run of a complete upload; writes nothing. */
export const POST = guardRoute('change', async (req) => {
  const id = new URL(req.url).pathname.split('/').at(-2) ?? '';
  // The check stops when the browser goes: nobody would read its answer.
  return resultResponse(await checkUpload(id, { signal: req.signal }));
});
