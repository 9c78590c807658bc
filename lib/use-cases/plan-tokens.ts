import 'server-only';
import { listAuthorizations } from '../influx/authorizations';
import { planTokens, type TokenStep } from '../provision/token-plan';
import type { Result } from '../result';
import { withInflux } from './context';

/** The spec's tokens against the organization's: what Provision's token steps would create. */
export function planTokenSteps(): Promise<Result<TokenStep[]>> {
  return withInflux(async ({ spec, influx }) =>
    planTokens(spec, { buckets: await influx.buckets(), tokens: await listAuthorizations(influx.org.id, influx.conn) }),
  );
}
