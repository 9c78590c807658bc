import { consoleError, ConsoleFailure, type ConsoleError } from '../errors';
import { QueryCancelled } from './cancelled';
import { refusedPermission } from './permission';

/** Maps what the InfluxDB client throws to the console's one error type (lib/errors.ts). */

interface HttpLike {
  statusCode: number;
  body?: string;
  json?: unknown;
  headers?: Record<string, string | string[] | undefined>;
}

function isHttpLike(e: unknown): e is HttpLike {
  return typeof e === 'object' && e !== null && typeof (e as { statusCode?: unknown }).statusCode === 'number';
}

function influxMessage(e: HttpLike): string | undefined {
  const json = e.json as { message?: unknown } | undefined;
  if (json && typeof json.message === 'string') return json.message;
  return undefined;
}

function influxCode(e: HttpLike): string | undefined {
  const header = e.headers?.['x-platform-error-code'];
  if (typeof header === 'string') return header;
  const json = e.json as { code?: unknown } | undefined;
  return json && typeof json.code === 'string' ? json.code : undefined;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENOTFOUND', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN']);

function networkCode(e: unknown): string | undefined {
  let cur: unknown = e;
  for (let depth = 0; depth < 4 && typeof cur === 'object' && cur !== null; depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  const name = (e as { name?: unknown } | null)?.name;
  if (name === 'RequestTimedOutError' || name === 'AbortError' || name === 'TimeoutError') return 'ETIMEDOUT';
  return undefined;
}

/** Maps anything the InfluxDB client throws to a ConsoleError, without leaking internals. */
export function toConsoleError(e: unknown): ConsoleError {
  if (e instanceof ConsoleFailure) return e.detail;
  if (e instanceof QueryCancelled) {
    return consoleError(
      'internal',
      'The count was stopped: every request waiting for it went away. The slices it finished are kept; the next refresh counts the rest.',
      'Open the screen again, or run `npm run cli -- stats`, to finish the count.',
    );
  }
  const net = networkCode(e);
  if (net) {
    const what = net === 'ETIMEDOUT' ? 'did not answer in time' : net === 'ECONNREFUSED' ? 'refused the connection' : `is unreachable (${net})`;
    return consoleError('unreachable', `InfluxDB unreachable: the server ${what}.`);
  }
  if (isHttpLike(e)) {
    const text = influxMessage(e);
    const code = influxCode(e);
    // InfluxDB names the permission it missed (401 `write:orgs/…/buckets is unauthorized`): say it, not "token refused".
    const refused = refusedPermission(e.statusCode, text);
    if (refused) return refused;
    switch (e.statusCode) {
      case 401:
        return consoleError('unauthorized', 'InfluxDB refused the token (401 unauthorized).');
      case 403:
        return consoleError('forbidden', `Permission denied by InfluxDB${text ? `: ${text}` : ''}.`);
      case 404:
        return consoleError('not_found', `Not found${text ? `: ${text}` : ''}.`);
      case 409:
      case 422:
        if (code === 'conflict' || e.statusCode === 409) {
          return consoleError('conflict', `Bucket already exists${text ? ` (${text})` : ''}.`);
        }
        return consoleError('invalid', `InfluxDB rejected the request${text ? `: ${text}` : ''}.`);
      case 400:
        return consoleError('invalid', `InfluxDB rejected the request${text ? `: ${text}` : ''}.`);
      default:
        if (e.statusCode >= 500) {
          return consoleError(
            'unreachable',
            `InfluxDB answered with an error (${e.statusCode}).`,
            'InfluxDB may be starting or overloaded: wait a moment and retry; check the influxd log.',
          );
        }
        return consoleError('internal', `Unexpected answer from InfluxDB (${e.statusCode}).`);
    }
  }
  return consoleError('internal', 'Unexpected error in the console.');
}
