import { publicRoute } from '@/lib/auth/route-guard';
import { httpStatus } from '@/lib/health/report';
import { readHealth } from '@/lib/use-cases/read-health';

export const dynamic = 'force-dynamic';

/**
 * The console's own health, for a container healthcheck (`curl -f …/api/health`): public and
 * secret-free. 200 while it can serve (`ok`, or `degraded` with InfluxDB away), 503 when its
 * database cannot be written.
 */
export const GET = publicRoute(async () => {
  const report = await readHealth();
  return Response.json(report, { status: httpStatus(report), headers: { 'Cache-Control': 'no-store' } });
});
