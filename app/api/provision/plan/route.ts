import { guardRoute } from '@/lib/auth/route-guard';
import { readPlanCommand } from '@/lib/provision/provision-commands';
import { resultResponse } from '@/lib/influx/http-status';

export const dynamic = 'force-dynamic';

export const GET = guardRoute('read', async () => resultResponse(await readPlanCommand()));
