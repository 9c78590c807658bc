import 'server-only';
import { readConnectionStatus, type ConnectionStatus } from '../influx/diagnose';
import { ok, type Result } from '../result';

/** The connection diagnosis the Overview and /api/connection show; its problems are part of the answer. */
export async function readConnection(): Promise<Result<ConnectionStatus>> {
  return ok(await readConnectionStatus());
}
