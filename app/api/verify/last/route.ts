import { resultResponse } from '@/lib/http-status';
import { ok } from '@/lib/result';
import { loadLastReport } from '@/lib/verify/last-report';

export const dynamic = 'force-dynamic';

export async function GET() {
  return resultResponse(ok(loadLastReport()));
}
