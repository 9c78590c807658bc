'use client';

import { useQuery } from '@tanstack/react-query';
import type { RangeKey } from '../model/storage';
import type { StorageReport } from '../model/storage';
import { fetchResult } from './fetch-result';
import { keys } from './query-keys';

export function useStorage(range: RangeKey) {
  return useQuery({ queryKey: keys.storage(range), queryFn: () => fetchResult<StorageReport>(`/api/storage?range=${range}`), refetchInterval: 15_000 });
}
