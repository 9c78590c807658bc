import type { Result } from '@/lib/result';

/** The data of a successful result; a failed one fails the test with its message. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.data;
}
