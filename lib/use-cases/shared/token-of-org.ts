import 'server-only';
import { z } from 'zod';
import { consoleError, ConsoleFailure } from '../../errors';
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
