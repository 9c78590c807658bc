import type { ErrorCode } from './errors';
import type { Result } from './result';

/** HTTP status for a Result sent by a route handler: 4xx for the caller's input, 502/503 for InfluxDB. */
const STATUS: Record<ErrorCode, number> = {
  invalid: 400,
  not_found: 404,
  conflict: 409,
  unauthorized: 502,
  forbidden: 502,
  unreachable: 503,
  config: 503,
  signed_out: 401,
  read_only: 403,
  internal: 500,
  busy: 429,
  too_large: 413,
};

export function resultResponse<T>(result: Result<T>): Response {
  return Response.json(result, { status: result.ok ? 200 : STATUS[result.error.code], headers: { 'Cache-Control': 'no-store' } });
}
