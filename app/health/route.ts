import { GET as health } from '../api/health/route';

export const dynamic = 'force-dynamic';

/** `/health`, as every HomeIQ service names it: the same answer as `/api/health`. */
export const GET = health;
