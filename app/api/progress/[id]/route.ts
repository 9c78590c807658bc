import { guardRoute } from '@/lib/auth/route-guard';
import { resultResponse } from '@/lib/http-status';
import { readProgress } from '@/lib/use-cases/read-progress';

export const dynamic = 'force-dynamic';

/** `GET /api/progress/<id>`: the steps (`[{label, done, total}]`) a running action reported under the ID its screen made. */
export const GET = guardRoute('read', async (req) => resultResponse(readProgress(new URL(req.url).pathname.split('/').at(-1) ?? '')));
