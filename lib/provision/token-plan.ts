import type { TokenGrant, TokenStep } from '../model/provision';
import type { TokenAction, TokenInfo } from '../model/token';
import type { ConsoleSpec, TokenSpec } from '../spec/schema';

export type { TokenGrant, TokenStep, TokenStepResult, TokenStepStatus } from '../model/provision';

/** The permissions of a spec token: its role on every bucket of the spec, or its own list. */
export function tokenGrants(spec: Pick<ConsoleSpec, 'buckets'>, token: TokenSpec): TokenGrant[] {
  if (token.permissions) return token.permissions.map((p) => ({ bucket: p.bucket, action: p.action }));
  const action: TokenAction = token.role === 'writer' ? 'write' : 'read';
  return spec.buckets.map((b) => ({ bucket: b.name, action }));
}

/** `write on a, b; read on c`. */
export function grantWords(grants: readonly TokenGrant[]): string {
  return (['write', 'read'] as const)
    .map((action) => ({ action, buckets: grants.filter((g) => g.action === action).map((g) => g.bucket) }))
    .filter((x) => x.buckets.length > 0)
    .map((x) => `${x.action} on ${x.buckets.join(', ')}`)
    .join('; ');
}

const key = (action: string, bucketID: string) => `${action}\u0000${bucketID}`;

/**
 * The spec's tokens against the organization's: a token matches when its description and its set
 * of permissions are exactly the spec's (buckets by ID, so a token of a deleted and re-created
 * bucket does not). Pure; provisioning creates what is missing and never deletes a token.
 */
export function planTokens(
  spec: Pick<ConsoleSpec, 'buckets' | 'tokens'>,
  actual: { buckets: readonly { id: string; name: string }[]; tokens: readonly TokenInfo[] },
): TokenStep[] {
  const ids = new Map(actual.buckets.map((b) => [b.name, b.id]));
  return (spec.tokens ?? []).map((t) => {
    const grants = tokenGrants(spec, t);
    const wanted = grants.map((g) => ids.get(g.bucket));
    const wantedKeys = new Set(grants.map((g, i) => key(g.action, wanted[i] ?? '')));
    const match = wanted.every((id) => id !== undefined)
      ? actual.tokens.find((tok) => {
          if (tok.description !== t.description || tok.permissions.length !== wantedKeys.size) return false;
          return tok.permissions.every((p) => p.resource.type === 'buckets' && p.resource.id !== undefined && wantedKeys.has(key(p.action, p.resource.id)));
        })
      : undefined;
    if (match)
      return {
        description: t.description,
        action: 'noop',
        grants,
        tokenID: match.id,
        summary: `token ${t.description} exists (${match.id}${match.status === 'inactive' ? ', inactive' : ''}): ${grantWords(grants)}`,
      };
    return { description: t.description, action: 'create', grants, summary: `create token ${t.description}: ${grantWords(grants)}` };
  });
}
