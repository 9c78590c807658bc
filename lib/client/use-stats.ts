'use client';

import { useQuery } from '@tanstack/react-query';
import type { BucketStats } from '../model/stats';
import { fetchResult } from './fetch-result';
import { keys } from './query-keys';

/** `initial`: stats the server already counted for this render (no second round trip). */
export function useStats(bucket?: string, initial?: BucketStats[]) {
  return useQuery({
    queryKey: keys.stats(bucket),
    queryFn: () => fetchResult<BucketStats[]>(bucket ? `/api/stats?bucket=${encodeURIComponent(bucket)}` : '/api/stats'),
    refetchInterval: 30_000,
    // Counted at `computedAt` on the server: React Query refetches once that is stale.
    ...(initial ? { initialData: initial, initialDataUpdatedAt: Date.parse(initial[0]?.computedAt ?? '') || 0 } : {}),
  });
}
