import { resultResponse } from '@/lib/influx/http-status';
import { readStorageCommand } from '@/lib/storage/storage-commands';

export const dynamic = 'force-dynamic';

export async function GET(req: Request) {
  return resultResponse(await readStorageCommand(new URL(req.url).searchParams.get('range') ?? '30d'));
}
