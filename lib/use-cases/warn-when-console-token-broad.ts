import 'server-only';
import { errorText, log } from '../log';
import { consoleTokenStatus } from '../tokens/console-token';
import { withInflux } from './context';

/** At start: one warning line when the console runs with an all-access or operator token (its ID and description, never its secret). */
export async function warnWhenConsoleTokenBroad(): Promise<void> {
  try {
    const status = await withInflux(({ spec, influx }) => consoleTokenStatus(spec, influx.conn));
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
