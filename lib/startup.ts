import 'server-only';
import { config } from './config';
import type { ConsoleError } from './errors';
import { activeSpec } from './spec/load';

/**
 * What stops the console (and every CLI command) before it starts: a variable that does not
 * parse, or a spec that is invalid or names another organization than INFLUXDB_ORG.
 * A missing INFLUXDB_URL or token is not one of them: the screens show it, with the fix.
 */
export function startupProblem(): ConsoleError | null {
  const c = config();
  if (!c.ok) return c.error;
  const spec = activeSpec(c.data);
  return spec.ok ? null : spec.error;
}
