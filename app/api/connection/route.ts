import { resultResponse } from '@/lib/http-status';
import { readConnection } from '@/lib/use-cases/read-connection';

export const dynamic = 'force-dynamic';

export async function GET() {
  return resultResponse(await readConnection());
}
