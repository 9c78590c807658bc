import { guardRoute } from '@/lib/auth/route-guard';
import { readConnectionStatus } from '@/lib/influx/status';
import { resultResponse } from '@/lib/influx/http-status';
import { ok } from '@/lib/result';

export const dynamic = 'force-dynamic';

export const GET = guardRoute('read', async () => resultResponse(ok(await readConnectionStatus())));
