import { guardRoute } from '@/lib/auth/route-guard';
import { listOrgBuckets } from '@/lib/provision/bucket-commands';
import { resultResponse } from '@/lib/influx/http-status';

export const dynamic = 'force-dynamic';

export const GET = guardRoute('read', async () => resultResponse(await listOrgBuckets()));
