'use client';

import { useQuery } from '@tanstack/react-query';
import type { BucketStats } from '../stats/bucket-stats';
import { fetchResult } from './fetch-result';
import { keys } from './query-keys';

export function useStats(bucket?: string) {
  return useQuery({
    queryKey: keys.stats(bucket),
    queryFn: () => fetchResult<BucketStats[]>(bucket ? `/api/stats?bucket=${encodeURIComponent(bucket)}` : '/api/stats'),
    refetchInterval: 30_000,
  });
}
