'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { ErrorPanel } from '@/components/error-panel';
import { secondaryButton } from '@/components/form-styles';
import { useCanChange } from '@/components/role-context';
import { verifyBackup } from '@/lib/actions/verify-backup';
import { ProgressSteps } from '@/components/progress-steps';
import { useProgress } from '@/lib/client/use-progress';
import type { ConsoleError } from '@/lib/model/error';
import type { BackupSummary } from '@/lib/model/backup';
import { RestoreDialog } from './restore-dialog';

const small = secondaryButton.replace('px-4 py-2', 'px-2.5 py-1');

/** Why a viewer sees no Restore or Verify: said in words, above the list. */
export function ViewerNote() {
  if (useCanChange()) return null;
  return (
    <p className="mb-3 rounded-md bg-slate-100 p-3 text-sm text-slate-600" data-testid="backups-read-only">
      Restore and Verify are not shown: they change InfluxDB (a restore creates a bucket, the drill a scratch one), and the viewer role is read-only. Sign in as
      admin to restore or verify a backup.
    </p>
  );
}

/** "Restore…" and "Verify" of one backup row (admins only); the drill's result is shown here and recorded on the backup. */
export function BackupActions({ backup }: { backup: BackupSummary }) {
  const canChange = useCanChange();
  const router = useRouter();
  const [restoring, setRestoring] = useState(false);
  const [pending, start] = useTransition();
  const [error, setError] = useState<ConsoleError | null>(null);
  const [verdict, setVerdict] = useState<{ ok: boolean; detail: string } | null>(null);
  const progress = useProgress(pending);
  if (!canChange) return null;
  if (backup.legacy) {
    return (
      <span className="text-xs text-slate-600">
        Written by an older console: the console cannot restore or verify it. <code>influx restore</code> can.
      </span>
    );
  }
  return (
    <div>
      <div className="flex flex-wrap gap-2">
        <button type="button" className={small} onClick={() => setRestoring(true)}>
          Restore…
        </button>
        <button
          type="button"
          className={small}
          disabled={pending}
          onClick={() => {
            const progressId = progress.next();
            start(async () => {
              setError(null);
              setVerdict(null);
              const result = await verifyBackup({ id: backup.id, progressId });
              if (result.ok) setVerdict(result.data);
              else setError(result.error);
              router.refresh();
            });
          }}
        >
          {pending ? 'Verifying…' : 'Verify'}
        </button>
      </div>
      {pending ? <ProgressSteps steps={progress.steps} /> : null}
      {verdict ? (
        <p className={`mt-1 text-xs ${verdict.ok ? 'text-emerald-700' : 'text-red-700'}`} role="status" data-testid="verify-result">
          {verdict.ok ? 'verified' : 'failed'}: {verdict.detail}
        </p>
      ) : null}
      {error ? <ErrorPanel error={error} title="Verify failed" /> : null}
      {restoring ? <RestoreDialog backup={backup} onClose={() => setRestoring(false)} /> : null}
    </div>
  );
}
