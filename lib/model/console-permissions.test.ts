import { describe, expect, it } from 'vitest';
import { consolePermissions, consoleTokenName, judgeConsoleToken, permissionText } from './console-permissions';
import { ALL_ACCESS_TYPES, isAllAccess, isOperator, type TokenPermission } from './token';

const ORG = 'aaaaaaaaaaaaaaaa';
const USER = 'bbbbbbbbbbbbbbbb';
const token = (permissions: TokenPermission[]) => ({
  permissions,
  orgID: ORG,
  userId: USER,
  allAccess: isOperator(permissions) || isAllAccess(permissions, ORG),
  operator: isOperator(permissions),
});

describe('the scoped console token', () => {
  it('holds exactly the permissions of the features, in InfluxDB notation, and is not all-access', () => {
    const perms = consolePermissions(ORG, USER);
    expect(perms.map(permissionText)).toEqual([
      `read:orgs/${ORG}`,
      `read:orgs/${ORG}/buckets`,
      `write:orgs/${ORG}/buckets`,
      `read:orgs/${ORG}/authorizations`,
      `write:orgs/${ORG}/authorizations`,
      `read:users/${USER}`,
      `write:users/${USER}`,
    ]);
    expect(isAllAccess(perms, ORG)).toBe(false);
    expect(judgeConsoleToken(token(perms))).toEqual({ breadth: 'scoped', extra: [], missing: [] });
  });

  it('calls an all-access token all-access, an operator token operator, and names what a broader one holds beyond the needs', () => {
    const all = ALL_ACCESS_TYPES.flatMap((type) =>
      (['read', 'write'] as const).map((action): TokenPermission => ({ action, resource: type === 'orgs' ? { type, id: ORG } : { type, orgID: ORG } })),
    );
    expect(judgeConsoleToken(token(all)).breadth).toBe('all-access');
    expect(judgeConsoleToken(token([{ action: 'read', resource: { type: 'buckets' } }])).breadth).toBe('operator');
    const broader = judgeConsoleToken(token([...consolePermissions(ORG, USER), { action: 'write', resource: { type: 'dashboards', orgID: ORG } }]));
    expect(broader).toEqual({ breadth: 'broader', extra: [`write:orgs/${ORG}/dashboards`], missing: [] });
  });

  it('names what a narrower token lacks, so the features that need it can say so', () => {
    const readOnly = judgeConsoleToken(
      token([
        { action: 'read', resource: { type: 'orgs', id: ORG } },
        { action: 'read', resource: { type: 'buckets', orgID: ORG } },
      ]),
    );
    expect(readOnly.breadth).toBe('scoped');
    expect(readOnly.missing).toContain(`write:orgs/${ORG}/buckets`);
    expect(readOnly.missing).toContain(`read:users/${USER}`);
  });

  it('takes its description from the spec, else <spec>-console', () => {
    expect(consoleTokenName({ name: 'AI-5' })).toBe('ai5-console');
    expect(consoleTokenName({ name: 'AI-5', consoleToken: { description: 'homeiq-console' } })).toBe('homeiq-console');
  });
});
