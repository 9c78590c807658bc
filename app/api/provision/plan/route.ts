import { resultResponse } from '@/lib/http-status';
import { planProvision } from '@/lib/use-cases/plan-provision';

export const dynamic = 'force-dynamic';

export async function GET() {
  return resultResponse(await planProvision());
}
