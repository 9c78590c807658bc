import type { MeasurementCount, MeasurementSlice, SliceCounts } from '../model/stats';

export type { MeasurementCount, MeasurementSlice, SliceCounts };

export interface MergedCounts {
  counts: Map<string, MeasurementCount>;
  perDay: Map<string, Map<string, number>>;
}

/**
 * The bucket's figures from its slices. Records add up exactly (a point lies in one slice);
 * tag sets add up to more than the distinct series when a series has points in two slices,
 * which bucket-stats.ts bounds by the index's cardinality.
 */
export function mergeSlices(slices: readonly SliceCounts[]): MergedCounts {
  const counts = new Map<string, MeasurementCount>();
  const perDay = new Map<string, Map<string, number>>();
  for (const slice of slices) {
    for (const [m, c] of Object.entries(slice)) {
      if (c.records === 0) continue;
      const cur = counts.get(m) ?? { records: 0, tagSets: 0 };
      counts.set(m, { records: cur.records + c.records, tagSets: cur.tagSets + c.tagSets });
      const days = perDay.get(m) ?? new Map<string, number>();
      for (const [day, n] of Object.entries(c.perDay)) days.set(day, (days.get(day) ?? 0) + n);
      perDay.set(m, days);
    }
  }
  return { counts, perDay };
}
