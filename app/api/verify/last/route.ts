import { guardRoute } from '@/lib/auth/route-guard';
import { resultResponse } from '@/lib/http-status';
import { ok } from '@/lib/result';
import { loadLastReport } from '@/lib/verify/last-report';

export const dynamic = 'force-dynamic';

export const GET = guardRoute('read', () => resultResponse(ok(loadLastReport())));
