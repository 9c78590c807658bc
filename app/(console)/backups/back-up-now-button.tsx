'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { ErrorPanel } from '@/components/error-panel';
import { primaryButton } from '@/components/form-styles';
import { ReadOnlyNote, useCanChange } from '@/components/role-context';
import type { ConsoleError } from '@/lib/errors';
import { createBackup } from '@/lib/actions/create-backup';
import { plural } from '@/lib/model/plural';

/** Backs up every bucket of the organization now; the list below gains the backup once it is complete. */
export function BackUpNowButton() {
  const canChange = useCanChange();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<ConsoleError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  if (!canChange) return <ReadOnlyNote what="the backups" />;
  return (
    <div className="space-y-3">
      <button
        type="button"
        className={primaryButton}
        disabled={pending}
        onClick={() =>
          start(async () => {
            setError(null);
            setDone(null);
            const result = await createBackup();
            if (result.ok) setDone(`Backup ${result.data.id} complete: ${result.data.buckets.map((b) => `${b.name} (${plural(b.records, 'record')})`).join(', ')}.`);
            else setError(result.error);
            router.refresh();
          })
        }
      >
        {pending ? 'Backing up…' : 'Back up now'}
      </button>
      {done ? (
        <p className="text-sm text-emerald-700" role="status">
          {done}
        </p>
      ) : null}
      {error ? <ErrorPanel error={error} title="Backup failed" /> : null}
    </div>
  );
}
