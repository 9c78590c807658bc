import 'server-only';
import { connectionKey, type Connection } from '../influx/client';
import { ownAuthorization } from '../influx/authorizations';
import { consoleTokenName, judgeConsoleToken, type ConsoleTokenVerdict } from '../model/console-permissions';
import type { TokenInfo } from '../model/token';
import { processCache } from '../process-cache';
import type { ConsoleSpec } from '../spec/schema';

/** The console's own token as the Overview, Verify and the start-up warning see it: never its secret. */
export interface ConsoleTokenStatus {
  /** Found among the org's tokens (2.7 and 2.8 list secrets, so it is matched by its own). */
  token: TokenInfo | null;
  verdict: ConsoleTokenVerdict | null;
  /** Why it was not found, when it was not. */
  unknown?: 'cannot-read-tokens' | 'hashed' | 'not-listed';
  /** The scoped token the spec names (`ai5-console`). */
  recommended: string;
}

/** Listing every token costs one call: the Overview polls, so the answer is kept a minute per server and token. */
const TTL_MS = 60_000;
class StatusCache {
  readonly byKey = new Map<string, { at: number; status: ConsoleTokenStatus }>();
  clear(): void {
    this.byKey.clear();
  }
}
const cache = processCache('console-token', () => new StatusCache());

/** After a token change: the next read asks InfluxDB again. */
export function forgetConsoleTokenStatus(): void {
  cache.clear();
}

export async function consoleTokenStatus(spec: ConsoleSpec, conn: Connection): Promise<ConsoleTokenStatus> {
  const key = connectionKey(conn.env);
  const hit = cache.byKey.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.status;
  const own = await ownAuthorization(conn);
  const recommended = consoleTokenName(spec);
  const status: ConsoleTokenStatus = own.token
    ? { token: own.token, verdict: judgeConsoleToken(own.token), recommended }
    : { token: null, verdict: null, unknown: !own.readable ? 'cannot-read-tokens' : own.hashed ? 'hashed' : 'not-listed', recommended };
  cache.byKey.set(key, { at: Date.now(), status });
  return status;
}
