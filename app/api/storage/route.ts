import { guardRoute } from '@/lib/auth/route-guard';
import { resultResponse } from '@/lib/influx/http-status';
import { readStorageCommand } from '@/lib/storage/storage-commands';

export const dynamic = 'force-dynamic';

export const GET = guardRoute('read', async (req) => resultResponse(await readStorageCommand(new URL(req.url).searchParams.get('range') ?? '30d')));
