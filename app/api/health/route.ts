import { publicRoute } from '@/lib/auth/route-guard';
import { SESSION_COOKIE } from '@/lib/auth/session';
import { config } from '@/lib/config';
import { checkSession, cookieValue } from '@/lib/auth/sessions';
import { httpStatus, publicView } from '@/lib/health/report';
import { readHealth } from '@/lib/use-cases/read-health';

export const dynamic = 'force-dynamic';

/**
 * The console's own health, for a container healthcheck (`curl -f …/api/health`): public and
 * secret-free. 200 while it can serve (`ok`, or `degraded` with InfluxDB away), 503 when its
 * database cannot be written. InfluxDB's version only to a signed-in user: to anyone else it
 * would say which known flaws to try.
 */
export const GET = publicRoute(async (req) => {
  const report = await readHealth(config());
  const signedIn = (await checkSession(cookieValue(req.headers.get('cookie'), SESSION_COOKIE))) !== null;
  return Response.json(signedIn ? report : publicView(report), { status: httpStatus(report), headers: { 'Cache-Control': 'no-store' } });
});
