import 'server-only';
import { log, errorText } from '../log';
import type { Result } from '../result';
import { consoleTokenStatus, type ConsoleTokenStatus } from '../tokens/console-token';
import { withInflux } from './context';

export type { ConsoleTokenStatus };

/** Whether the console's own token is all-access, operator or broader than its features need. */
export function readConsoleToken(): Promise<Result<ConsoleTokenStatus>> {
  return withInflux(({ spec, influx }) => consoleTokenStatus(spec, influx.conn));
}

/** At start: one warning line when the console runs with an all-access or operator token (its ID and description, never its secret). */
export async function warnWhenConsoleTokenBroad(): Promise<void> {
  try {
    const status = await readConsoleToken();
    if (!status.ok || !status.data.token || !status.data.verdict) return;
    const { token, verdict } = status.data;
    if (verdict.breadth === 'operator' || verdict.breadth === 'all-access') {
      log.warn(
        `the console runs with ${verdict.breadth === 'operator' ? 'an operator' : 'an all-access'} token: a leak of it can delete every bucket; create the scoped ${status.data.recommended} token on the Overview and set INFLUXDB_TOKEN to it (backups still need an operator token)`,
        { id: token.id, description: token.description },
      );
    }
  } catch (e) {
    log.warn('the console token was not checked at start', { error: errorText(e) });
  }
}
