'use client';

import { useQuery } from '@tanstack/react-query';
import type { ConnectionStatus } from '../model/connection';
import { fetchResult } from './fetch-result';
import { keys } from './query-keys';

/** Polled every 4 s on every screen: InfluxDB going away is noticed within 5 s. */
export function useConnection() {
  return useQuery({
    queryKey: keys.connection(),
    queryFn: () => fetchResult<ConnectionStatus>('/api/connection'),
    refetchInterval: 4_000,
    refetchIntervalInBackground: false,
  });
}
