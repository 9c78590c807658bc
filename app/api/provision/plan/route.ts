import { guardRoute } from '@/lib/auth/route-guard';
import { resultResponse } from '@/lib/http-status';
import { planProvision } from '@/lib/use-cases/plan-provision';

export const dynamic = 'force-dynamic';

export const GET = guardRoute('read', async () => resultResponse(await planProvision()));
