import 'server-only';
import { influxEnv } from '../env';
import { fail, ok, type Result } from '../result';
import { toConsoleError } from './errors';

/** Runs gateway work and returns its outcome as a value: configuration and InfluxDB errors alike. */
export async function attempt<T>(work: () => Promise<T>): Promise<Result<T>> {
  const env = influxEnv();
  if (!env.ok) return fail(env.error);
  try {
    return ok(await work());
  } catch (e) {
    return fail(toConsoleError(e));
  }
}
