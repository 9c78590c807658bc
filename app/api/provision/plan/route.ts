import { readPlanCommand } from '@/lib/provision/provision-commands';
import { resultResponse } from '@/lib/influx/http-status';

export const dynamic = 'force-dynamic';

export async function GET() {
  return resultResponse(await readPlanCommand());
}
