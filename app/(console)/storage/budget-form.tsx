'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { inputClass, secondaryButton } from '@/components/dialog';
import { useCanChange } from '@/components/role-context';
import { setBudget } from '@/lib/actions/set-budget';
import { errorDetail, unwrap } from '@/lib/client/fetch-result';
import type { Budget } from '@/lib/storage/budgets';

export function BudgetForm({ bucket, budget }: { bucket: string; budget: Budget | null }) {
  const client = useQueryClient();
  const canChange = useCanChange();
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
      <label>
        <span className="block text-xs text-slate-500">Budget, records</span>
        <input className={`${inputClass} w-32`} value={records} onChange={(e) => setRecords(e.target.value)} placeholder="none" aria-label="Budget records" inputMode="numeric" />
      </label>
      <label>
        <span className="block text-xs text-slate-500">Budget, bytes</span>
        <input className={`${inputClass} w-36`} value={bytes} onChange={(e) => setBytes(e.target.value)} placeholder="none" aria-label="Budget bytes" inputMode="numeric" />
      </label>
      <button type="submit" className={secondaryButton} disabled={save.isPending || !canChange} title={canChange ? undefined : 'Sign in as admin to set budgets'}>
        {save.isPending ? 'Saving…' : 'Save budget'}
      </button>
      {error ? <span className="w-full text-xs text-red-700">{error.message}</span> : null}
    </form>
  );
}
