import { describe, expect, it } from 'vitest';
import type { TokenInfo } from '../model/token';
import { judgeCoverage, writerCoverage } from './token-coverage';

const ORG = 'o1';
const daily = { id: 'd1', name: 'pattern_aggregates_daily', orgID: ORG };
const weekly = { id: 'w1', name: 'pattern_aggregates_weekly', orgID: ORG };
const tok = (id: string, over: Partial<TokenInfo>): TokenInfo => ({
  id,
  description: id,
  status: 'active',
  org: 'homeiq',
  orgID: ORG,
  createdAt: '',
  allAccess: false,
  operator: false,
  permissions: [],
  ...over,
});
const writes = (...ids: string[]) => ids.map((id) => ({ action: 'write' as const, resource: { type: 'buckets', id, orgID: ORG } }));

describe('a scoped writer for each spec bucket', () => {
  it('passes when an active scoped token writes every bucket', () => {
    const verdict = judgeCoverage(writerCoverage([daily, weekly], [tok('writer', { permissions: writes('d1', 'w1') }), tok('all', { allAccess: true })]));
    expect(verdict.ok).toBe(true);
    expect(verdict.detail).toContain('pattern_aggregates_daily: writer (writer)');
  });

  it('warns when only all-access tokens write a bucket, naming it', () => {
    const verdict = judgeCoverage(
      writerCoverage([daily, weekly], [tok('writer', { permissions: writes('d1') }), tok('all', { allAccess: true, operator: true })]),
    );
    expect(verdict).toEqual({
      ok: false,
      detail: "only all-access or operator tokens can write pattern_aggregates_weekly: HomeIQ's writer runs with a token that can delete every bucket.",
    });
  });

  it('does not count an inactive writer, a reader, or a writer of another bucket', () => {
    const coverage = writerCoverage(
      [daily],
      [
        tok('off', { status: 'inactive', permissions: writes('d1') }),
        tok('reader', { permissions: [{ action: 'read', resource: { type: 'buckets', id: 'd1', orgID: ORG } }] }),
        tok('other', { permissions: writes('x9') }),
      ],
    );
    expect(coverage).toEqual([{ bucket: 'pattern_aggregates_daily', scoped: [], broad: [] }]);
    expect(judgeCoverage(coverage).detail).toBe('no active token of the organization can write pattern_aggregates_daily.');
  });

  it('counts a token with write on every bucket of the org as scoped', () => {
    expect(writerCoverage([daily], [tok('org-writer', { permissions: [{ action: 'write', resource: { type: 'buckets', orgID: ORG } }] })])[0]?.scoped).toEqual([
      'org-writer (org-writer)',
    ]);
  });
});
