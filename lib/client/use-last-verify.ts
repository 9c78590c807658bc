'use client';

import { useQuery } from '@tanstack/react-query';
import type { VerifyReport } from '../model/verify';
import { fetchResult } from './fetch-result';
import { keys } from './query-keys';

/** The last verification run's report (null: none has run yet). */
export function useLastVerify() {
  return useQuery({ queryKey: keys.lastVerify(), queryFn: () => fetchResult<VerifyReport | null>('/api/verify/last') });
}
