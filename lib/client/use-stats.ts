'use client';

import { useQuery } from '@tanstack/react-query';
import type { BucketStats } from '../model/stats';
import { fetchResult } from './fetch-result';
import { keys } from './query-keys';

/** When the server last knew every bucket's figures up to date: the oldest of their checks (or counts). */
function checkedAt(stats: readonly BucketStats[]): number {
  const times = stats.map((b) => Math.max(Date.parse(b.checkedAt ?? '') || 0, Date.parse(b.computedAt) || 0));
  return times.length ? Math.min(...times) : 0;
}

/** `initial`: stats the server already counted for this render (no second round trip). */
export function useStats(bucket?: string, initial?: BucketStats[]) {
  return useQuery({
    queryKey: keys.stats(bucket),
    queryFn: () => fetchResult<BucketStats[]>(bucket ? `/api/stats?bucket=${encodeURIComponent(bucket)}` : '/api/stats'),
    refetchInterval: 30_000,
    // The server checks held figures every 30 s: figures it checked that recently are not asked for
    // again on mount (the answer would be the same figures, and redrawing every chart costs a
    // moment at first paint).
    staleTime: 30_000,
    ...(initial ? { initialData: initial, initialDataUpdatedAt: checkedAt(initial) } : {}),
  });
}
