import { describe, expect, it } from 'vitest';
import { ALL_ACCESS_TYPES, canBucket, describeToken, isAllAccess, isOperator, joinWords, type TokenPermission } from './token';

const ORG = 'org1';
const daily = { type: 'buckets', id: 'b1', name: 'pattern_aggregates_daily', orgID: ORG };
const weekly = { type: 'buckets', id: 'b2', name: 'pattern_aggregates_weekly', orgID: ORG };
const both = (type: string, resource: Omit<TokenPermission['resource'], 'type'>): TokenPermission[] => [
  { action: 'read', resource: { type, ...resource } },
  { action: 'write', resource: { type, ...resource } },
];
const allAccess: TokenPermission[] = ALL_ACCESS_TYPES.flatMap((type) => both(type, type === 'orgs' ? { id: ORG } : { orgID: ORG }));
const operator: TokenPermission[] = ALL_ACCESS_TYPES.flatMap((type) => both(type, {}));

function token(permissions: TokenPermission[]) {
  const op = isOperator(permissions);
  return { org: 'homeiq', operator: op, allAccess: op || isAllAccess(permissions, ORG), permissions };
}

describe('what a token can do, in words', () => {
  it('names the buckets a writer can write', () => {
    const t = token([
      { action: 'write', resource: daily },
      { action: 'write', resource: weekly },
    ]);
    expect(t.allAccess).toBe(false);
    expect(describeToken(t)).toBe('write pattern_aggregates_daily and pattern_aggregates_weekly');
  });

  it('says read and write when both are granted on the same buckets', () => {
    expect(describeToken(token([...both('buckets', daily)]))).toBe('read and write pattern_aggregates_daily');
  });

  it('lists writes and reads apart when they differ', () => {
    expect(
      describeToken(
        token([
          { action: 'write', resource: daily },
          { action: 'read', resource: daily },
          { action: 'read', resource: weekly },
        ]),
      ),
    ).toBe('write pattern_aggregates_daily; read pattern_aggregates_daily and pattern_aggregates_weekly');
  });

  it('falls back to the bucket ID when InfluxDB gives no name, and names type-wide grants', () => {
    expect(describeToken(token([{ action: 'read', resource: { type: 'buckets', id: 'b9', orgID: ORG } }]))).toBe('read b9');
    expect(describeToken(token([{ action: 'write', resource: { type: 'buckets', orgID: ORG } }]))).toBe('write every bucket of org homeiq');
    expect(describeToken(token([{ action: 'read', resource: { type: 'dashboards', orgID: ORG } }]))).toBe('read every dashboards');
  });

  it('says all access for every type of the org with read and write', () => {
    const t = token(allAccess);
    expect(t).toMatchObject({ allAccess: true, operator: false });
    expect(describeToken(t)).toBe('all access to org homeiq');
  });

  it('is not all access when one type lacks write, or the grants are for another org', () => {
    expect(
      isAllAccess(
        allAccess.filter((p) => !(p.resource.type === 'secrets' && p.action === 'write')),
        ORG,
      ),
    ).toBe(false);
    expect(isAllAccess(allAccess, 'org2')).toBe(false);
  });

  it('says operator for permissions scoped to no org, and counts it as all access', () => {
    const t = token(operator);
    expect(t).toMatchObject({ allAccess: true, operator: true });
    expect(describeToken(t)).toBe('operator: every org');
  });

  it('says nothing for a token without permissions', () => {
    expect(describeToken(token([]))).toBe('nothing');
  });
});

describe('whether a token can read or write a bucket', () => {
  const b1 = { id: 'b1', orgID: ORG };
  it('by the bucket ID, the whole org, or every org', () => {
    expect(canBucket([{ action: 'write', resource: daily }], b1, 'write')).toBe(true);
    expect(canBucket([{ action: 'write', resource: daily }], b1, 'read')).toBe(false);
    expect(canBucket([{ action: 'write', resource: weekly }], b1, 'write')).toBe(false);
    expect(canBucket([{ action: 'read', resource: { type: 'buckets', orgID: ORG } }], b1, 'read')).toBe(true);
    expect(canBucket([{ action: 'read', resource: { type: 'buckets', orgID: 'org2' } }], b1, 'read')).toBe(false);
    expect(canBucket(operator, b1, 'write')).toBe(true);
  });
});

describe('joinWords', () => {
  it('joins like a sentence', () => {
    expect(joinWords([])).toBe('');
    expect(joinWords(['a'])).toBe('a');
    expect(joinWords(['a', 'b', 'c'])).toBe('a, b and c');
  });
});
