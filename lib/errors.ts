/**
 * One error type for everything that can go wrong between the console and InfluxDB.
 * Messages and fixes follow the seed's Troubleshooting section; none carries the token.
 */
import type { ConsoleError, ErrorCode } from './model/error';

export type { ConsoleError, ErrorCode } from './model/error';

/**
 * A ConsoleError thrown: inside lib/ only (uploads, configuration, confirmations, InfluxDB's answers);
 * the use-case hub turns it back into a value with `toConsoleError`.
 */
export class ConsoleFailure extends Error {
  constructor(readonly detail: ConsoleError) {
    super(detail.message);
    this.name = 'ConsoleFailure';
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
  busy: 'Wait a few seconds and try again.',
  too_large: 'Split the file, or import it from the server with `homeiq-console data import --bucket B FILE`.',
} as const satisfies Record<ErrorCode, string>;

export function consoleError(code: ErrorCode, message: string, fix: string = FIXES[code]): ConsoleError {
  return { code, message, fix };
}
