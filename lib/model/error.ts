/** The one error shape the console shows: a code, a message for a person and the fix. Plain data, safe for the browser. */
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
  | 'busy'
  | 'too_large'
  | 'internal';

export interface ConsoleError {
  code: ErrorCode;
  message: string;
  fix: string;
  /** Field-level messages for forms, when the input was invalid. */
  fields?: Record<string, string>;
  /** The request it happened in, as the server log names it. */
  requestId?: string;
  /** Set when the error is only that this bucket does not exist (yet): screens show "not provisioned", not a failure. */
  missingBucket?: string;
}
