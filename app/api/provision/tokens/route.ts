import { guardRoute } from '@/lib/auth/route-guard';
import { resultResponse } from '@/lib/http-status';
import { planTokenSteps } from '@/lib/use-cases/plan-tokens';

export const dynamic = 'force-dynamic';

/** The token steps of the plan (create token ai5-writer: write on …): never a secret. */
export const GET = guardRoute('read', async () => resultResponse(await planTokenSteps()));
