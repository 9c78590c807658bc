import { resultResponse } from '@/lib/http-status';
import { readStorage } from '@/lib/use-cases/read-storage';

export const dynamic = 'force-dynamic';

export async function GET(req: Request) {
  return resultResponse(await readStorage(new URL(req.url).searchParams.get('range') ?? '30d'));
}
