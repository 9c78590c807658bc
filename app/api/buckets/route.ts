import { resultResponse } from '@/lib/http-status';
import { listBuckets } from '@/lib/use-cases/list-buckets';

export const dynamic = 'force-dynamic';

export async function GET() {
  return resultResponse(await listBuckets());
}
