import 'server-only';
import { listAuthorizations } from '../influx/authorizations';
import type { TokenInfo } from '../model/token';
import type { Result } from '../result';
import { withInflux } from './context';

/** Every token of the configured organization, without secrets. */
export function listTokens(): Promise<Result<TokenInfo[]>> {
  return withInflux(({ influx }) => listAuthorizations(influx.org.id, influx.conn));
}
