'use client';

import { useQuery } from '@tanstack/react-query';
import type { BucketRow } from '../model/bucket';
import { fetchResult } from './fetch-result';
import { keys } from './query-keys';

export function useBuckets() {
  return useQuery({ queryKey: keys.buckets(), queryFn: () => fetchResult<BucketRow[]>('/api/buckets'), refetchInterval: 10_000 });
}
