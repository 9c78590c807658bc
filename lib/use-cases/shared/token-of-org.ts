import 'server-only';
import { z } from 'zod';
import { consoleError, ConsoleFailure } from '../../errors';
import { ownAuthorization } from '../../influx/authorizations';
import type { Connection } from '../../influx/client';
import { describeToken, type TokenInfo } from '../../model/token';

/** What the token verbs share: the ID's shape, the org check, and what the audit log keeps. */
export const tokenIdSchema = z
  .string()
  .trim()
  .regex(/^[0-9a-f]{16}$/, 'must be a token ID (16 hex digits)');

export const tokenUnknown = () =>
  consoleError('not_found', 'No such token in this organization.', 'List the tokens with `homeiq-console tokens list` and use an ID from it.');

/** A token of another organization is `not_found`, exactly like one that does not exist. */
export function orgToken(token: TokenInfo, orgID: string): TokenInfo {
  if (token.orgID !== orgID) throw new ConsoleFailure(tokenUnknown());
  return token;
}

/** What the audit log keeps of a token: never its secret. */
export const tokenSummary = (t: TokenInfo) => ({ id: t.id, description: t.description, status: t.status, can: describeToken(t) });

/**
 * Refuses to deactivate or delete the token the console itself runs on (INFLUXDB_TOKEN): that would cut
 * the console off from InfluxDB, with no way back from its screens. Where tokens are stored hashed
 * (InfluxDB 2.9) the console cannot tell its own token, and the typed confirmation is the only guard.
 */
export async function refuseOwnToken(token: TokenInfo, change: 'deactivate' | 'delete', conn: Connection): Promise<void> {
  const own = await ownAuthorization(conn);
  if (own.token?.id !== token.id) return;
  throw new ConsoleFailure(
    consoleError(
      'conflict',
      `Token ${token.description || token.id} is the one this console runs on (INFLUXDB_TOKEN): to ${change} it would cut the console off from InfluxDB.`,
      `Create the scoped console token (Overview, or \`homeiq-console tokens create-console\`), set INFLUXDB_TOKEN to it and restart the console; then ${change} this one.`,
    ),
  );
}
