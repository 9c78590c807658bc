import { guardRoute } from '@/lib/auth/route-guard';
import { resultResponse } from '@/lib/http-status';
import { readConnection } from '@/lib/use-cases/read-connection';

export const dynamic = 'force-dynamic';

export const GET = guardRoute('read', async () => resultResponse(await readConnection()));
