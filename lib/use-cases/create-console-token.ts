import 'server-only';
import type { Actor } from '../auth/actor';
import { consoleError, ConsoleFailure } from '../errors';
import { createAuthorizationWith, listAuthorizations, ownAuthorization, type NewToken } from '../influx/authorizations';
import { consolePermissions, consoleTokenName, permissionText } from '../model/console-permissions';
import type { Result } from '../result';
import { forgetConsoleTokenStatus } from '../tokens/console-token';
import { outcome, recordChange, withInflux } from './context';
import { tokenSummary } from './shared/token-of-org';

/**
 * Creates the scoped console token the spec names (`ai5-console`): exactly the permissions of the
 * console's features (docs/tokens.md), owned by the user of the console's current token. The secret
 * is in the result this once; the audit row has the ID, description and permissions only.
 */
export async function createConsoleToken(actor: Actor): Promise<Result<NewToken>> {
  const result = await withInflux(async ({ spec, influx }) => {
    const description = consoleTokenName(spec);
    const own = await ownAuthorization(influx.conn);
    const owner = own.token?.userId;
    if (!owner) {
      throw new ConsoleFailure(
        consoleError(
          'forbidden',
          'The console cannot find its own token among the tokens, so it cannot tell which user the scoped token belongs to.',
          'Create it with the operator token: influx auth create --org <org> --read-orgs … (docs/tokens.md lists every permission), or give the console read:orgs/<org ID>/authorizations.',
        ),
      );
    }
    const permissions = consolePermissions(influx.org.id, owner);
    const wanted = new Set(permissions.map(permissionText));
    const existing = (await listAuthorizations(influx.org.id, influx.conn)).find(
      (t) => t.description === description && t.permissions.length === wanted.size && t.permissions.every((p) => wanted.has(permissionText(p))),
    );
    if (existing) {
      throw new ConsoleFailure(
        consoleError(
          'conflict',
          `The scoped console token ${description} exists already (${existing.id}); its secret is never shown again.`,
          `Set INFLUXDB_TOKEN to it if you stored it; otherwise delete it (Tokens, or homeiq-console tokens delete ${existing.id} --yes) and create it again.`,
        ),
      );
    }
    return createAuthorizationWith(influx.org.id, description, permissions, influx.conn);
  });
  forgetConsoleTokenStatus();
  recordChange(actor, outcome(result, { action: 'token.create', bucket: null, before: null, after: (created) => tokenSummary(created.token) }), {
    changed: false,
  });
  return result;
}
