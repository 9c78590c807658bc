/**
 * One error type for everything that can go wrong between the console and InfluxDB.
 * Messages and fixes follow the seed's Troubleshooting section; none carries the token.
 */
export type ErrorCode =
  | 'unreachable'
  | 'unauthorized'
  | 'forbidden'
  | 'conflict'
  | 'invalid'
  | 'not_found'
  | 'config'
  | 'signed_out'
  | 'read_only'
  | 'internal';

export interface ConsoleError {
  code: ErrorCode;
  message: string;
  fix: string;
  /** Field-level messages for forms, when the input was invalid. */
  fields?: Record<string, string>;
}

/** Thrown inside lib/ only; actions turn it back into a value with `toConsoleError`. */
export class InfluxError extends Error {
  constructor(readonly detail: ConsoleError) {
    super(detail.message);
    this.name = 'InfluxError';
  }
}

export const FIXES = {
  unreachable:
    'Verify InfluxDB is running (`bash tools/influxd/influxd.sh start`, or `docker ps | grep influxdb` where it runs in a container), check INFLUXDB_URL is correct, and ensure network access to InfluxDB.',
  unauthorized:
    'The token was refused. Set INFLUXDB_TOKEN to a valid API token (InfluxDB UI: Load Data → API Tokens, or `influx auth list`) and restart the console.',
  forbidden:
    'Verify the token has write permissions on buckets of this organization, check the organization (INFLUXDB_ORG) is correct, and ensure the InfluxDB API is accessible.',
  conflict:
    'The bucket may have been created previously: verify with `influx bucket list`, then use the existing bucket (Provision updates it to the spec) or delete and recreate it.',
  not_found: 'It may have been deleted meanwhile: refresh the list and try again.',
  invalid: 'Correct the input and try again.',
  config: 'Set INFLUXDB_URL, INFLUXDB_TOKEN and INFLUXDB_ORG, or start the console with `bash scripts/start.sh`, which launches a local InfluxDB.',
  signed_out: 'Sign in to the console again (your session ended or was never started).',
  read_only: 'Sign in as admin to make changes: the viewer role can browse everything and change nothing.',
  internal: 'Retry; if it persists, the console server log has the details.',
} as const satisfies Record<ErrorCode, string>;

export function consoleError(code: ErrorCode, message: string, fix: string = FIXES[code]): ConsoleError {
  return { code, message, fix };
}

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
  if (e instanceof InfluxError) return e.detail;
  const net = networkCode(e);
  if (net) {
    const what = net === 'ETIMEDOUT' ? 'did not answer in time' : net === 'ECONNREFUSED' ? 'refused the connection' : `is unreachable (${net})`;
    return consoleError('unreachable', `InfluxDB unreachable: the server ${what}.`);
  }
  if (isHttpLike(e)) {
    const text = influxMessage(e);
    const code = influxCode(e);
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
          return consoleError('unreachable', `InfluxDB answered with an error (${e.statusCode}).`, 'InfluxDB may be starting or overloaded: wait a moment and retry; check the influxd log.');
        }
        return consoleError('internal', `Unexpected answer from InfluxDB (${e.statusCode}).`);
    }
  }
  return consoleError('internal', 'Unexpected error while talking to InfluxDB.');
}
