import { describe, expect, it } from 'vitest';
import type { BucketRow } from '../model/bucket';
import { filterAndSort } from './bucket-sort';

function row(name: string, retentionSeconds: number, extra: Partial<BucketRow> = {}): BucketRow {
  return {
    id: name,
    orgID: 'o',
    name,
    description: '',
    retentionSeconds,
    retentionText: '',
    shardGroupDurationSeconds: 0,
    createdAt: '',
    updatedAt: '',
    system: false,
    managed: false,
    ...extra,
  };
}

const rows = [row('weekly', 31_536_000), row('forever', 0), row('daily', 7_776_000), row('_tasks', 259_200, { system: true }), row('hourly', 3600)];

describe('filterAndSort', () => {
  it('sorts retention numerically with infinite last', () => {
    expect(filterAndSort(rows, '', 'retention', 'asc').map((r) => r.name)).toEqual(['hourly', '_tasks', 'daily', 'weekly', 'forever']);
    expect(filterAndSort(rows, '', 'retention', 'desc').map((r) => r.name)).toEqual(['forever', 'weekly', 'daily', '_tasks', 'hourly']);
  });
  it('filters by a name fragment, ignoring case', () => {
    expect(filterAndSort(rows, 'LY', 'name', 'asc').map((r) => r.name)).toEqual(['daily', 'hourly', 'weekly']);
  });
  it('sorts by name', () => {
    expect(filterAndSort(rows, '', 'name', 'asc').map((r) => r.name)).toEqual(['_tasks', 'daily', 'forever', 'hourly', 'weekly']);
  });
});
