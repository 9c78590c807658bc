import type { ConsoleError } from '../model/error';
import type { Result } from '../model/result';

/** The error a query throws, carrying the ConsoleError the route returned. */
export class ResultError extends Error {
  constructor(readonly detail: ConsoleError) {
    super(detail.message);
  }
}

const UNREACHABLE_CONSOLE: ConsoleError = {
  code: 'unreachable',
  message: 'The console server did not answer.',
  fix: 'Check that the console is still running (bash scripts/start.sh), then retry.',
};

/** Fetches a route that answers with a Result, and unwraps it for React Query. */
export async function fetchResult<T>(url: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { cache: 'no-store' });
  } catch {
    throw new ResultError(UNREACHABLE_CONSOLE);
  }
  if (res.status === 401 && typeof window !== 'undefined') {
    // The session ended: a full page load to the login page, dropping every cached query.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    window.location.assign(`/login?next=${encodeURIComponent(window.location.pathname)}`);
  }
  let body: Result<T>;
  try {
    body = (await res.json()) as Result<T>;
  } catch {
    throw new ResultError({ ...UNREACHABLE_CONSOLE, message: `The console answered ${res.status} without data.` });
  }
  if (!body.ok) throw new ResultError(body.error);
  return body.data;
}

/** Unwraps a server action's Result for useMutation. */
export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending;
  if (!result.ok) throw new ResultError(result.error);
  return result.data;
}

export function errorDetail(error: unknown): ConsoleError {
  if (error instanceof ResultError) return error.detail;
  return { code: 'internal', message: 'Something went wrong in the browser.', fix: 'Reload the page.' };
}

/** True when a query failed only because a bucket does not exist yet (the typed `bucketMissing` error). */
export function isBucketMissing(error: unknown): boolean {
  const detail = error instanceof ResultError ? error.detail : null;
  return detail?.code === 'not_found' && typeof detail.missingBucket === 'string';
}
