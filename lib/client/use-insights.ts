'use client';

import { useQuery } from '@tanstack/react-query';
import type { InsightsReport } from '../model/insights';
import { fetchResult } from './fetch-result';
import { keys } from './query-keys';

/** The insights of the spec's buckets, or of one; they move slowly, so a minute between polls. */
export function useInsights(bucket?: string) {
  return useQuery({
    queryKey: keys.insights(bucket),
    queryFn: () => fetchResult<InsightsReport>(bucket ? `/api/insights?bucket=${encodeURIComponent(bucket)}` : '/api/insights'),
    refetchInterval: 60_000,
  });
}
