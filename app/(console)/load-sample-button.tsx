'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { primaryButton } from '@/components/form-styles';
import { ErrorPanel } from '@/components/error-panel';
import { useCanChange } from '@/components/role-context';
import { loadSampleData } from '@/lib/actions/load-sample-data';
import { errorDetail, unwrap } from '@/lib/client/fetch-result';
import { formatCount } from '@/lib/model/format';
import { keys } from '@/lib/client/query-keys';

/** Offers realistic sample aggregates, so a newcomer sees full charts in a minute. */
export function LoadSampleButton({ onLoaded }: { onLoaded?: () => void }) {
  const client = useQueryClient();
  const canChange = useCanChange();
  const load = useMutation({
    mutationFn: () => unwrap(loadSampleData()),
    onSuccess: async () => {
      onLoaded?.();
      await Promise.all([client.invalidateQueries({ queryKey: keys.stats() }), client.invalidateQueries({ queryKey: keys.insights() })]);
    },
  });
  return (
    <div className="space-y-2">
      <button
        type="button"
        className={primaryButton}
        disabled={load.isPending || load.isSuccess || !canChange}
        title={canChange ? undefined : 'Sign in as admin to load sample data'}
        onClick={() => load.mutate()}
      >
        {load.isPending ? 'Writing 90 days of sample aggregates…' : 'Load sample data'}
      </button>
      {load.data ? (
        <p role="status" className="text-sm text-emerald-700">
          Wrote {formatCount(load.data.points)} sample points in {(load.data.ms / 1000).toFixed(1)} s.
        </p>
      ) : null}
      {load.error ? <ErrorPanel error={errorDetail(load.error)} /> : null}
    </div>
  );
}
