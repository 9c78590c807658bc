import 'server-only';
import type { Result } from '../result';
import { consoleTokenStatus, type ConsoleTokenStatus } from '../tokens/console-token';
import { withInflux } from './context';

export type { ConsoleTokenStatus };

/** Whether the console's own token is all-access, operator or broader than its features need. */
export function readConsoleToken(): Promise<Result<ConsoleTokenStatus>> {
  return withInflux(({ spec, influx }) => consoleTokenStatus(spec, influx.conn));
}
