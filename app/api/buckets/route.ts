import { guardRoute } from '@/lib/auth/route-guard';
import { resultResponse } from '@/lib/http-status';
import { listBuckets } from '@/lib/use-cases/list-buckets';

export const dynamic = 'force-dynamic';

export const GET = guardRoute('read', async () => resultResponse(await listBuckets()));
