import 'server-only';
import { timingSafeEqual } from 'node:crypto';
import { AuthorizationsAPI, type Authorization, type Permission } from '@influxdata/influxdb-client-apis';
import { isAllAccess, isOperator, type TokenAction, type TokenInfo, type TokenPermission, type TokenStatus } from '../model/token';
import { PROBE_TIMEOUT_MS, type Connection } from './client';

export type { TokenInfo };

/**
 * The org's authorizations (API tokens). InfluxDB 2.7 and 2.8 return every token's secret on
 * list and get: `toTokenInfo` drops it, so no secret leaves this file except a new token's, once.
 */
export function toTokenInfo(a: Authorization): TokenInfo {
  const orgID = a.orgID ?? '';
  const permissions: TokenPermission[] = (a.permissions ?? []).map((p) => ({
    action: p.action,
    resource: {
      type: p.resource.type,
      ...(p.resource.name !== undefined ? { name: p.resource.name } : {}),
      ...(p.resource.id !== undefined ? { id: p.resource.id } : {}),
      ...(p.resource.orgID !== undefined ? { orgID: p.resource.orgID } : {}),
    },
  }));
  const operator = isOperator(permissions);
  return {
    id: a.id ?? '',
    description: a.description ?? '',
    status: a.status === 'inactive' ? 'inactive' : 'active',
    ...(a.userID ? { userId: a.userID } : {}),
    ...(a.user ? { user: a.user } : {}),
    org: a.org ?? orgID,
    orgID,
    createdAt: a.createdAt ?? '',
    allAccess: operator || isAllAccess(permissions, orgID),
    operator,
    permissions,
  };
}

/** Every authorization of the organization, without secrets. */
export async function listAuthorizations(orgID: string, conn: Connection): Promise<TokenInfo[]> {
  const res = await new AuthorizationsAPI(conn.influx).getAuthorizations({ orgID });
  return (res.authorizations ?? []).map(toTokenInfo);
}

export async function getAuthorization(id: string, conn: Connection): Promise<TokenInfo> {
  return toTokenInfo(await new AuthorizationsAPI(conn.influx).getAuthorizationsID({ authID: id }));
}

/** A token just created: its secret is returned this once and never again. */
export interface NewToken {
  token: TokenInfo;
  secret: string;
}

export interface BucketGrant {
  action: TokenAction;
  bucketID: string;
}

export function createAuthorization(orgID: string, description: string, grants: readonly BucketGrant[], conn: Connection): Promise<NewToken> {
  return createAuthorizationWith(
    orgID,
    description,
    grants.map((g) => ({ action: g.action, resource: { type: 'buckets', id: g.bucketID, orgID } })),
    conn,
  );
}

/** A token with any permissions (the scoped console token): InfluxDB refuses one broader than the console's own. */
export async function createAuthorizationWith(
  orgID: string,
  description: string,
  permissions: readonly TokenPermission[],
  conn: Connection,
): Promise<NewToken> {
  const created = await new AuthorizationsAPI(conn.influx).postAuthorizations({
    body: {
      orgID,
      description,
      permissions: permissions.map((p) => ({ action: p.action, resource: { ...p.resource, type: p.resource.type as Permission['resource']['type'] } })),
    },
  });
  return { token: toTokenInfo(created), secret: created.token ?? '' };
}

export interface OwnAuthorization {
  token: TokenInfo | null;
  /** Tokens are stored hashed (InfluxDB 2.9's default): no token can be matched by its secret. */
  hashed: boolean;
  /** False: the console sees no token at all (InfluxDB lists none without read:authorizations and read:users): then it is not all-access. */
  readable: boolean;
}

/** The console's own authorization, found by its secret (2.7 and 2.8 list secrets): its secret is dropped here. */
export async function ownAuthorization(conn: Connection): Promise<OwnAuthorization> {
  try {
    const found = await findAuthorizationBySecret(conn.env.token, conn);
    return { token: found.token, hashed: found.hashed, readable: found.seen > 0 };
  } catch (e) {
    const status = (e as { statusCode?: unknown } | null)?.statusCode;
    if (status === 401 || status === 403) return { token: null, hashed: false, readable: false };
    throw e;
  }
}

export async function setAuthorizationStatus(id: string, status: TokenStatus, conn: Connection): Promise<TokenInfo> {
  return toTokenInfo(await new AuthorizationsAPI(conn.influx).patchAuthorizationsID({ authID: id, body: { status } }));
}

export async function deleteAuthorization(id: string, conn: Connection): Promise<void> {
  await new AuthorizationsAPI(conn.influx).deleteAuthorizationsID({ authID: id });
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The authorization whose secret is `secret`, among all the console's token can see (every org):
 * exact and one call on 2.7 and 2.8, which return secrets on list. `hashed` when the server
 * returned no secret at all (InfluxDB 2.9 stores tokens hashed by default): matching cannot work there.
 */
export async function findAuthorizationBySecret(secret: string, conn: Connection): Promise<{ token: TokenInfo | null; hashed: boolean; seen: number }> {
  const res = await new AuthorizationsAPI(conn.influx).getAuthorizations({});
  const all = res.authorizations ?? [];
  const match = all.find((a) => typeof a.token === 'string' && a.token.length > 0 && sameSecret(a.token, secret));
  return { token: match ? toTokenInfo(match) : null, hashed: all.length > 0 && all.every((a) => !a.token), seen: all.length };
}

/** What the server answered the candidate token itself, bucket by bucket. */
export interface TokenProbe {
  /** False: InfluxDB refused the token outright (made up, deleted). */
  valid: boolean;
  /** False when InfluxDB said "token is inactive". */
  active: boolean;
  buckets: { id: string; read: boolean; write: boolean }[];
}

/**
 * Asks InfluxDB with the candidate token itself, when it cannot be found by its secret (hashed
 * tokens, another org). Exact and harmless: the bucket list shows what it can read, and a write
 * of an empty body is authorized like any write but stores nothing (204 allowed, 403 refused).
 * The candidate goes only into the Authorization header of these requests.
 */
export async function probeToken(
  secret: string,
  org: { id: string; name: string },
  buckets: readonly { id: string; name: string }[],
  conn: Connection,
): Promise<TokenProbe> {
  const headers = { Authorization: `Token ${secret}` };
  const base = conn.env.url.replace(/\/+$/, '');
  const call = (path: string, init: RequestInit = {}) => fetch(`${base}${path}`, { ...init, headers, signal: AbortSignal.timeout(PROBE_TIMEOUT_MS * 3) });
  const listed = await call(`/api/v2/buckets?orgID=${encodeURIComponent(org.id)}&limit=100`);
  if (listed.status === 401) return { valid: false, active: false, buckets: [] };
  const readable = new Set(listed.ok ? (((await listed.json()) as { buckets?: { id?: string }[] }).buckets ?? []).map((b) => b.id) : []);
  if (!listed.ok) await listed.body?.cancel();
  let active = true;
  const result: TokenProbe['buckets'] = [];
  for (const b of buckets) {
    const res = await call(`/api/v2/write?org=${encodeURIComponent(org.name)}&bucket=${encodeURIComponent(b.name)}`, { method: 'POST', body: '' });
    const text = res.status === 204 ? '' : await res.text();
    if (res.status === 401) return { valid: false, active: false, buckets: [] };
    if (/token is inactive/.test(text)) active = false;
    result.push({ id: b.id, read: readable.has(b.id), write: res.status === 204 });
  }
  return { valid: true, active, buckets: active ? result : result.map((b) => ({ ...b, read: false, write: false })) };
}
