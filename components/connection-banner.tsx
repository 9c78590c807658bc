'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useConnection } from '@/lib/client/use-connection';
import { CopyButton } from './copy-button';

/**
 * On every screen: a banner while InfluxDB is unreachable or refuses the token, and a refresh
 * of every view when it comes back, so nothing needs a reload.
 */
export function ConnectionBanner() {
  const { data } = useConnection();
  const client = useQueryClient();
  const wasDown = useRef(false);
  const problem = data?.error && (data.error.code === 'unreachable' || data.error.code === 'unauthorized' || data.error.code === 'config') ? data.error : null;
  useEffect(() => {
    if (problem) wasDown.current = true;
    else if (data && wasDown.current) {
      wasDown.current = false;
      void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'connection' });
    }
  }, [problem, data, client]);
  if (!problem) return null;
  return (
    <div role="status" data-testid="connection-banner" className="border-b border-red-200 bg-red-50">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-3 gap-y-1 px-6 py-2 text-sm text-red-900">
        <strong>
          {problem.code === 'unreachable' ? 'InfluxDB unreachable' : problem.code === 'unauthorized' ? 'Token refused' : 'Console not configured'}
        </strong>
        <span>{problem.message}</span>
        <span className="text-red-800">Fix: {problem.fix}</span>
        <CopyButton text={problem.fix} label="Copy fix" />
      </div>
    </div>
  );
}
