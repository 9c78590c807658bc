/**
 * What the console's own InfluxDB token needs, feature by feature, and how to tell a token broader
 * than that. Pure: the browser shows the table, the server checks tokens against it.
 */
import { isBroad, type TokenAction, type TokenInfo, type TokenPermission } from './token';

export interface ConsoleFeature {
  feature: string;
  /** The permissions, in InfluxDB's own notation (`write:orgs/<org ID>/buckets`). */
  needs: string[];
}

/**
 * The features and what InfluxDB checks for each (measured on 2.7 and 2.8): a refused management
 * call answers 401 `write:orgs/…/buckets is unauthorized`, a refused write or delete 403.
 */
export const CONSOLE_FEATURES: readonly ConsoleFeature[] = [
  { feature: 'Find the organization (every screen)', needs: ['read:orgs/<org ID>'] },
  { feature: 'Buckets, record counts, measurements, insights, storage, export, Verify reads', needs: ['read:orgs/<org ID>/buckets'] },
  { feature: 'Verify write probe, Delete data, Import, sample data', needs: ['write:orgs/<org ID>/buckets'] },
  { feature: 'Provision, create / edit / delete bucket', needs: ['write:orgs/<org ID>/buckets'] },
  { feature: 'Tokens: list, diagnose by listing', needs: ['read:orgs/<org ID>/authorizations', 'read:users/<owner ID>'] },
  { feature: 'Tokens: create, activate, deactivate, delete', needs: ['write:orgs/<org ID>/authorizations', 'write:users/<owner ID>'] },
  { feature: 'Backups, restore, backup before a destructive change', needs: ['operator (read:authorizations on every org: the backup API)'] },
];

/**
 * The scoped console token: exactly the permissions of every feature above but backups. The
 * `users` permissions are on the user owning the tokens: InfluxDB lists and creates tokens only
 * with read and write on their owner.
 */
export function consolePermissions(orgID: string, ownerID: string): TokenPermission[] {
  const p = (action: TokenAction, type: string, scope: { orgID?: string; id?: string }): TokenPermission => ({ action, resource: { type, ...scope } });
  return [
    p('read', 'orgs', { id: orgID }),
    p('read', 'buckets', { orgID }),
    p('write', 'buckets', { orgID }),
    p('read', 'authorizations', { orgID }),
    p('write', 'authorizations', { orgID }),
    p('read', 'users', { id: ownerID }),
    p('write', 'users', { id: ownerID }),
  ];
}

/** InfluxDB's notation of one permission: `write:orgs/abc/buckets`, `read:users/def`, `write:buckets` (every org). */
export function permissionText(p: TokenPermission): string {
  const { type, orgID, id } = p.resource;
  if (type === 'orgs') return `${p.action}:orgs${id ? `/${id}` : ''}`;
  return `${p.action}:${orgID ? `orgs/${orgID}/` : ''}${type}${id ? `/${id}` : ''}`;
}

const needed = (orgID: string, ownerID: string) => new Set(consolePermissions(orgID, ownerID).map(permissionText));

export type ConsoleTokenBreadth = 'operator' | 'all-access' | 'broader' | 'scoped';

export interface ConsoleTokenVerdict {
  breadth: ConsoleTokenBreadth;
  /** What the token holds beyond the console's needs, in InfluxDB's notation. */
  extra: string[];
  /** What the console's features need that the token lacks (backups aside). */
  missing: string[];
}

/** How the console's own token compares with what it needs. */
export function judgeConsoleToken(token: Pick<TokenInfo, 'allAccess' | 'operator' | 'permissions' | 'orgID' | 'userId'>): ConsoleTokenVerdict {
  const want = needed(token.orgID, token.userId ?? '<owner ID>');
  const have = new Set(token.permissions.map(permissionText));
  const extra = [...have].filter((p) => !want.has(p)).sort();
  const missing = isBroad(token) ? [] : [...want].filter((p) => !have.has(p));
  const breadth: ConsoleTokenBreadth = token.operator ? 'operator' : token.allAccess ? 'all-access' : extra.length ? 'broader' : 'scoped';
  return { breadth, extra, missing };
}

/** `AI-5` → `ai5`: the prefix of the spec's default token descriptions (ai5-writer, ai5-reader, ai5-console). */
export const specSlug = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, '') || 'spec';

/** The description of the scoped console token: the spec's `consoleToken`, else `ai5-console` for the AI-5 spec. */
export const consoleTokenName = (spec: { name: string; consoleToken?: { description: string } | undefined }): string =>
  spec.consoleToken?.description ?? `${specSlug(spec.name)}-console`;
