import { retentionSortKey } from '../model/retention';
import type { BucketRow } from '../model/bucket';

export type BucketColumn = 'name' | 'retention' | 'shardGroup' | 'description' | 'createdAt' | 'updatedAt' | 'kind';
export type SortDirection = 'asc' | 'desc';

function kind(b: BucketRow): string {
  return b.system ? 'system' : b.managed ? 'ai-5' : 'user';
}

const KEYS: Record<BucketColumn, (b: BucketRow) => string | number> = {
  name: (b) => b.name.toLowerCase(),
  // Numerically, with infinite last: 1h < 90d < 365d < infinite.
  retention: (b) => retentionSortKey(b.retentionSeconds),
  shardGroup: (b) => b.shardGroupDurationSeconds,
  description: (b) => b.description.toLowerCase(),
  createdAt: (b) => b.createdAt,
  updatedAt: (b) => b.updatedAt,
  kind,
};

/** Filters by a case-insensitive name fragment and sorts by any column, name breaking ties. */
export function filterAndSort(rows: readonly BucketRow[], filter: string, column: BucketColumn, direction: SortDirection): BucketRow[] {
  const needle = filter.trim().toLowerCase();
  const key = KEYS[column];
  const sign = direction === 'asc' ? 1 : -1;
  return rows
    .filter((b) => !needle || b.name.toLowerCase().includes(needle))
    .sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      if (ka < kb) return -sign;
      if (ka > kb) return sign;
      return a.name.localeCompare(b.name);
    });
}
