'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@/lib/client/fetch-result';
import { keys } from '@/lib/client/query-keys';
import type { Result } from '@/lib/model/result';

/** A server action as a mutation; every success refreshes the bucket list and the provisioning plan. */
export function useBucketMutation<I, T>(action: (input: I) => Promise<Result<T>>, onDone?: (data: T) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => unwrap(action(input)),
    onSuccess: async (data) => {
      await Promise.all([client.invalidateQueries({ queryKey: keys.buckets() }), client.invalidateQueries({ queryKey: keys.plan() })]);
      onDone?.(data);
    },
  });
}
