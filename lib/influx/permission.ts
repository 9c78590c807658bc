import { consoleError, ConsoleFailure, type ConsoleError } from '../errors';

/**
 * What InfluxDB says when the console's token lacks a permission, turned into a `forbidden` error
 * that names it. Measured on 2.7 and 2.8: a management call answers 401 with
 * `write:orgs/<org>/buckets is unauthorized`; a token create beyond the creator's own rights 403
 * `permission X is not allowed: …`; a write or a delete 403 `insufficient permissions …`, which names
 * nothing, so those are named by the operation (`refusedOn`).
 */
const UNAUTHORIZED_PERMISSION = /^((?:read|write):[\w/<>-]+) is unauthorized$/;
const NOT_ALLOWED = /^permission ((?:read|write):[\w/<>-]+) is not allowed/;

const SCOPED_FIX = "Open the Overview for the scoped console token (every permission the console's features need), or see docs/tokens.md.";

export function lacksPermission(permission: string, what?: string): ConsoleError {
  return consoleError(
    'forbidden',
    `The console's token ${what ? `cannot ${what}` : 'was refused'}: it needs ${permission}.`,
    `Grant ${permission} to the console's token (INFLUXDB_TOKEN), or use a token that has it. ${SCOPED_FIX}`,
  );
}

/** The permission InfluxDB named in a refusal, when it named one. */
export function refusedPermission(status: number, message: string | undefined): ConsoleError | null {
  if (!message) return null;
  const unauthorized = status === 401 ? UNAUTHORIZED_PERMISSION.exec(message.trim()) : null;
  if (unauthorized?.[1]) return lacksPermission(unauthorized[1]);
  const notAllowed = status === 403 ? NOT_ALLOWED.exec(message.trim()) : null;
  if (notAllowed?.[1]) {
    return consoleError(
      'forbidden',
      `The console's token cannot give a token ${notAllowed[1]}: InfluxDB lets a token grant only what it holds itself.`,
      `Create that token with a token that holds ${notAllowed[1]} (influx auth create), or grant it to the console's token.`,
    );
  }
  return null;
}

/** InfluxDB refuses a deactivated token's writes with 403 `token is inactive`: not a missing permission. */
function inactive(e: unknown): boolean {
  const x = e as { body?: unknown; json?: { message?: unknown } } | null;
  return /token is inactive/.test(`${typeof x?.json?.message === 'string' ? x.json.message : ''} ${typeof x?.body === 'string' ? x.body : ''}`);
}

export const inactiveToken = (): ConsoleError =>
  consoleError(
    'unauthorized',
    "The console's token is inactive: InfluxDB refuses its writes.",
    'Activate it again (Tokens, or `influx auth active --id <ID>`), or set INFLUXDB_TOKEN to an active token and restart the console.',
  );

/** A write or a delete refused on `bucket` (a predicate delete is authorized as a write on it). */
export function bucketRefusal(bucket: string, action: 'write' | 'delete'): ConsoleError {
  return lacksPermission(
    `write:orgs/<org ID>/buckets/<ID of ${bucket}> (or write:orgs/<org ID>/buckets)`,
    `${action === 'write' ? 'write' : 'delete data in'} bucket ${bucket}`,
  );
}

/**
 * Runs a write or a delete on `bucket`: InfluxDB's bare 403 becomes `forbidden` naming the
 * permission the operation needs on that bucket.
 */
export async function refusedOn<T>(bucket: string, action: 'write' | 'delete', run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if ((e as { statusCode?: unknown } | null)?.statusCode === 403) throw new ConsoleFailure(inactive(e) ? inactiveToken() : bucketRefusal(bucket, action));
    throw e;
  }
}
