/**
 * InfluxDB authorizations (API tokens) as the console shows them: never with their secret.
 * Pure types and rules the browser may import.
 */

export type TokenAction = 'read' | 'write';
export type TokenStatus = 'active' | 'inactive';

export interface TokenPermission {
  action: TokenAction;
  resource: {
    type: string;
    name?: string;
    id?: string;
    /** Absent: every organization (an operator permission), unless `id` names one resource. */
    orgID?: string;
  };
}

export interface TokenInfo {
  id: string;
  description: string;
  status: TokenStatus;
  userId?: string;
  user?: string;
  /** The name of the organization that owns the token (its ID when InfluxDB gives no name). */
  org: string;
  orgID: string;
  createdAt: string;
  /** Read and write on every resource type of the organization (an operator token is also all-access). */
  allAccess: boolean;
  /** Holds permissions scoped to no organization: it acts on every org of the server. */
  operator: boolean;
  permissions: TokenPermission[];
}

/** The roles HomeIQ's services need on the spec's buckets. */
export const TOKEN_ROLES = ['writer', 'reader'] as const;
export type TokenRole = (typeof TOKEN_ROLES)[number];

export const roleAction = (role: TokenRole): TokenAction => (role === 'writer' ? 'write' : 'read');

/**
 * The resource types every all-access token of InfluxDB 2.x carries. Newer servers add types
 * (notebooks, annotations, remotes, replications in 2.7 and 2.8), so only this common core is required.
 */
export const ALL_ACCESS_TYPES = [
  'authorizations',
  'buckets',
  'dashboards',
  'orgs',
  'sources',
  'tasks',
  'telegrafs',
  'users',
  'variables',
  'scrapers',
  'secrets',
  'labels',
  'views',
  'documents',
  'notificationRules',
  'notificationEndpoints',
  'checks',
  'dbrp',
] as const;

/** A permission that applies to no organization in particular: every org of the server. */
export const unscoped = (p: TokenPermission): boolean => p.resource.orgID === undefined && p.resource.id === undefined;

/** Whether `p` grants `action` on every resource of `type` in organization `orgID`. */
function coversType(p: TokenPermission, type: string, action: TokenAction, orgID: string): boolean {
  if (p.action !== action || p.resource.type !== type) return false;
  if (unscoped(p)) return true;
  // `orgs` is granted on the organization itself (its ID); every other type on the org's resources.
  if (type === 'orgs' && p.resource.id === orgID) return true;
  return p.resource.id === undefined && p.resource.orgID === orgID;
}

export function isOperator(permissions: readonly TokenPermission[]): boolean {
  return permissions.some(unscoped);
}

export function isAllAccess(permissions: readonly TokenPermission[], orgID: string): boolean {
  return ALL_ACCESS_TYPES.every((type) => (['read', 'write'] as const).every((action) => permissions.some((p) => coversType(p, type, action, orgID))));
}

/** Whether the permissions let a token `action` the bucket (by its ID, type-wide in its org, or on every org). */
export function canBucket(permissions: readonly TokenPermission[], bucket: { id: string; orgID: string }, action: TokenAction): boolean {
  return permissions.some(
    (p) =>
      p.action === action &&
      p.resource.type === 'buckets' &&
      (p.resource.id === bucket.id || (p.resource.id === undefined && (p.resource.orgID === undefined || p.resource.orgID === bucket.orgID))),
  );
}

/** `a`, `a and b`, `a, b and c`. */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/**
 * What a token can do, in words: "write pattern_aggregates_daily and pattern_aggregates_weekly",
 * "all access to org homeiq", "operator: every org".
 */
export function describeToken(token: Pick<TokenInfo, 'org' | 'allAccess' | 'operator' | 'permissions'>): string {
  if (token.operator) return 'operator: every org';
  if (token.allAccess) return `all access to org ${token.org}`;
  const byAction = (action: TokenAction) => {
    const mine = token.permissions.filter((p) => p.action === action);
    const buckets = mine.filter((p) => p.resource.type === 'buckets' && p.resource.id !== undefined).map((p) => p.resource.name ?? p.resource.id ?? '');
    const everyBucket = mine.some((p) => p.resource.type === 'buckets' && p.resource.id === undefined);
    const types = [
      ...new Set(
        mine
          .filter((p) => p.resource.type !== 'buckets')
          .map((p) => (p.resource.id ? `${p.resource.type} ${p.resource.name ?? p.resource.id}` : `every ${p.resource.type}`)),
      ),
    ];
    const things = [...(everyBucket ? [`every bucket of org ${token.org}`] : [...new Set(buckets)].sort()), ...types];
    return things;
  };
  const read = byAction('read');
  const write = byAction('write');
  if (read.length === 0 && write.length === 0) return 'nothing';
  if (read.length > 0 && read.join('\u0000') === write.join('\u0000')) return `read and write ${joinWords(read)}`;
  return [write.length ? `write ${joinWords(write)}` : '', read.length ? `read ${joinWords(read)}` : ''].filter(Boolean).join('; ');
}

/** Flagged on the list: a token broader than any one HomeIQ service needs. */
export const isBroad = (token: Pick<TokenInfo, 'allAccess' | 'operator'>): boolean => token.allAccess || token.operator;

/** What diagnosing a token found (the Tokens screen's Diagnose and `tokens check`); never the token itself. */
export interface TokenCheck {
  valid: boolean;
  active: boolean;
  /** The organization the token belongs to, when known. */
  org: string | null;
  user?: string;
  /** Each bucket of the spec: what the token can do there. */
  buckets: { name: string; read: boolean; write: boolean }[];
  /** What to do when it cannot write every spec bucket. */
  fix?: string;
  /** How it was found out: the console's token list (2.7, 2.8) or asking InfluxDB with the token itself. */
  method: 'listing' | 'probe';
}

/** The exit rule of `tokens check`: it can write every bucket of the spec. */
export const writesEverySpecBucket = (check: TokenCheck): boolean =>
  check.valid && check.active && check.buckets.length > 0 && check.buckets.every((b) => b.write);
