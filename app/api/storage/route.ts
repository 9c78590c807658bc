import { guardRoute } from '@/lib/auth/route-guard';
import { resultResponse } from '@/lib/http-status';
import { readStorage } from '@/lib/use-cases/read-storage';

export const dynamic = 'force-dynamic';

export const GET = guardRoute('read', async (req) => resultResponse(await readStorage(new URL(req.url).searchParams.get('range') ?? '30d')));
