import { describe, expect, it } from 'vitest';
import { ai5Spec } from '../spec/load';
import { consoleSpecSchema } from '../spec/schema';
import type { TokenInfo } from '../model/token';
import { planTokens, tokenGrants } from './token-plan';

const spec = ai5Spec();
const buckets = [
  { id: 'd1', name: 'pattern_aggregates_daily' },
  { id: 'w1', name: 'pattern_aggregates_weekly' },
];

function token(description: string, perms: [string, string][], extra: Partial<TokenInfo> = {}): TokenInfo {
  return {
    id: `${description}-id`,
    description,
    status: 'active',
    org: 'homeiq',
    orgID: 'o1',
    createdAt: '',
    allAccess: false,
    operator: false,
    permissions: perms.map(([action, id]) => ({ action: action as 'read' | 'write', resource: { type: 'buckets', id, orgID: 'o1' } })),
    ...extra,
  };
}

describe('planning the spec tokens', () => {
  it('plans the AI-5 writer and reader in words when none exists', () => {
    expect(planTokens(spec, { buckets, tokens: [] }).map((s) => s.summary)).toEqual([
      'create token ai5-writer: write on pattern_aggregates_daily, pattern_aggregates_weekly',
      'create token ai5-reader: read on pattern_aggregates_daily, pattern_aggregates_weekly',
    ]);
  });

  it('plans creation before the buckets exist (no token can match them yet)', () => {
    expect(planTokens(spec, { buckets: [], tokens: [token('ai5-writer', [])] }).map((s) => s.action)).toEqual(['create', 'create']);
  });

  it('matches by description and exact permissions, whatever the order and status', () => {
    const steps = planTokens(spec, {
      buckets,
      tokens: [
        token(
          'ai5-writer',
          [
            ['write', 'w1'],
            ['write', 'd1'],
          ],
          { status: 'inactive' },
        ),
        token('ai5-reader', [
          ['read', 'd1'],
          ['read', 'w1'],
        ]),
      ],
    });
    expect(steps.map((s) => [s.action, s.tokenID])).toEqual([
      ['noop', 'ai5-writer-id'],
      ['noop', 'ai5-reader-id'],
    ]);
    expect(steps[0]?.summary).toContain('inactive');
  });

  it('creates anew when the description matches but the permissions differ (and never plans a delete)', () => {
    const steps = planTokens(spec, {
      buckets,
      tokens: [
        token('ai5-writer', [['write', 'd1']]),
        token('ai5-reader', [
          ['read', 'd1'],
          ['read', 'w1'],
          ['write', 'd1'],
        ]),
        token('other', [
          ['write', 'd1'],
          ['write', 'w1'],
        ]),
      ],
    });
    expect(steps.map((s) => s.action)).toEqual(['create', 'create']);
  });

  it('takes explicit permissions, and the schema refuses unknown buckets, twins and role with permissions', () => {
    expect(tokenGrants(spec, { description: 'x', permissions: [{ bucket: 'pattern_aggregates_daily', action: 'read' }] })).toEqual([
      { bucket: 'pattern_aggregates_daily', action: 'read' },
    ]);
    const bad = consoleSpecSchema.safeParse({
      ...spec,
      tokens: [
        { description: 'a', role: 'writer' },
        { description: 'a', permissions: [{ bucket: 'nope', action: 'read' }] },
        { description: 'b', role: 'reader', permissions: [{ bucket: 'pattern_aggregates_daily', action: 'read' }] },
      ],
    });
    expect(bad.success).toBe(false);
    if (!bad.success)
      expect(bad.error.issues.map((i) => i.path.join('.')).sort()).toEqual(['tokens.1.description', 'tokens.1.permissions.0.bucket', 'tokens.2']);
  });
});
