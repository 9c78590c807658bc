'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ProgressStep } from '../model/progress';
import { fetchResult } from './fetch-result';

/**
 * Progress of a long server action: `next()` makes a fresh ID to hand to the action, and while
 * `running` the steps it reports are polled (GET /api/progress/<id>, twice a second).
 */
export function useProgress(running: boolean): { next(): string; steps: ProgressStep[] } {
  const [id, setId] = useState<string | null>(null);
  const { data } = useQuery({
    queryKey: ['progress', id],
    queryFn: () => fetchResult<ProgressStep[]>(`/api/progress/${id ?? ''}`),
    enabled: running && id !== null,
    refetchInterval: running ? 500 : false,
    gcTime: 0,
  });
  return {
    next: () => {
      const fresh = crypto.randomUUID();
      setId(fresh);
      return fresh;
    },
    steps: running ? (data ?? []) : [],
  };
}
