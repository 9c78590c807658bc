import { guardRoute } from '@/lib/auth/route-guard';
import { resultResponse } from '@/lib/http-status';
import { ok } from '@/lib/result';
import { readVerifyScreen } from '@/lib/use-cases/read-verify-screen';

export const dynamic = 'force-dynamic';

/** The last verification report (null before the first run). */
export const GET = guardRoute('read', async () => {
  const screen = await readVerifyScreen();
  return resultResponse(screen.ok ? ok(screen.data.last) : screen);
});
