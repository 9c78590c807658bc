import { guardRoute } from '@/lib/auth/route-guard';
import { consoleError } from '@/lib/errors';
import { resultResponse } from '@/lib/http-status';
import { fail } from '@/lib/result';
import { receiveChunk } from '@/lib/use-cases/receive-chunk';

export const dynamic = 'force-dynamic';

/** `POST /api/data/import/<id>?offset=N`: one chunk of the file (raw bytes), appended at N. */
export const POST = guardRoute('change', async (req) => {
  const url = new URL(req.url);
  const id = url.pathname.split('/').at(-1) ?? '';
  const offset = Number(url.searchParams.get('offset'));
  if (!Number.isSafeInteger(offset) || offset < 0) return resultResponse(fail(consoleError('invalid', 'The chunk offset is missing or not a whole number.')));
  return resultResponse(await receiveChunk(id, offset, new Uint8Array(await req.arrayBuffer())));
});
