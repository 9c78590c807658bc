'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { CompactInput } from '@/components/compact-input';
import { secondaryButton } from '@/components/form-styles';
import { useCanChange } from '@/components/role-context';
import { setBudget } from '@/lib/actions/set-budget';
import { errorDetail, unwrap } from '@/lib/client/fetch-result';
import type { Budget } from '@/lib/model/storage';

export function BudgetForm({ bucket, budget }: { bucket: string; budget: Budget | null }) {
  const client = useQueryClient();
  const canChange = useCanChange();
  const adminOnly = useId();
  const [records, setRecords] = useState(budget?.maxRecords?.toString() ?? '');
  const [bytes, setBytes] = useState(budget?.maxBytes?.toString() ?? '');
  const save = useMutation({
    mutationFn: () => unwrap(setBudget({ bucketName: bucket, maxRecords: records, maxBytes: bytes })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['storage'] }),
  });
  const error = save.error ? errorDetail(save.error) : null;
  return (
    <form
      aria-label={`Budget for ${bucket}`}
      className="flex flex-wrap items-end gap-2 text-sm"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <CompactInput
        label="Budget, records"
        ariaLabel="Budget records"
        width="w-32"
        value={records}
        onChange={setRecords}
        placeholder="none"
        inputMode="numeric"
      />
      <CompactInput label="Budget, bytes" ariaLabel="Budget bytes" width="w-36" value={bytes} onChange={setBytes} placeholder="none" inputMode="numeric" />
      <button type="submit" className={secondaryButton} disabled={save.isPending || !canChange} aria-describedby={canChange ? undefined : adminOnly}>
        {save.isPending ? 'Saving…' : 'Save budget'}
      </button>
      {/* Said in visible text: a tooltip never reaches keyboard or touch users. */}
      {canChange ? null : (
        <span id={adminOnly} className="self-center text-xs text-slate-600">
          Sign in as admin to set budgets.
        </span>
      )}
      {error ? <span className="w-full text-xs text-red-700">{error.message}</span> : null}
    </form>
  );
}
