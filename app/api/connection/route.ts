import { readConnectionStatus } from '@/lib/influx/status';
import { resultResponse } from '@/lib/influx/http-status';
import { ok } from '@/lib/result';

export const dynamic = 'force-dynamic';

export async function GET() {
  return resultResponse(ok(await readConnectionStatus()));
}
