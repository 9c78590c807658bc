import type { ConsoleError } from './error';

/** What every action and gateway call returns: data, or an error a person can act on. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: ConsoleError };

export function ok<T>(data: T): Result<T> {
  return { ok: true, data };
}

export function fail<T = never>(error: ConsoleError): Result<T> {
  return { ok: false, error };
}
