'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Dialog } from '@/components/dialog';
import { ErrorPanel } from '@/components/error-panel';
import { Field } from '@/components/field';
import { dangerButton, inputClass, primaryButton, secondaryButton } from '@/components/form-styles';
import { restoreBackup } from '@/lib/actions/restore-backup';
import { ProgressSteps } from '@/components/progress-steps';
import { useProgress } from '@/lib/client/use-progress';
import type { ConsoleError } from '@/lib/model/error';
import type { BackupSummary } from '@/lib/model/backup';
import { backupSentence, restoredName } from '@/lib/model/backup-first';

type Restored = { bucket: string; verified: boolean; detail: string; backedUp: string | null };

/**
 * "Restore…": one bucket of a backup as a new bucket (never written into an existing one), or,
 * ticked and its name typed, over the existing bucket after backing it up. The result says whether
 * the restored counts equal the backup's.
 */
export function RestoreDialog({ backup, onClose }: { backup: BackupSummary; onClose: () => void }) {
  const router = useRouter();
  const [bucket, setBucket] = useState(backup.buckets[0] ?? '');
  const [as, setAs] = useState(restoredName(backup.buckets[0] ?? ''));
  const [named, setNamed] = useState(false);
  const [replace, setReplace] = useState(false);
  const [confirm, setConfirm] = useState('');
  const [pending, start] = useTransition();
  const [error, setError] = useState<ConsoleError | null>(null);
  const [done, setDone] = useState<Restored | null>(null);
  const progress = useProgress(pending);
  const submit = () => {
    const progressId = progress.next();
    start(async () => {
      setError(null);
      setDone(null);
      const result = await restoreBackup({ id: backup.id, bucket, as, ...(replace ? { replace: { confirm } } : {}), progressId });
      if (result.ok)
        setDone({
          bucket: result.data.bucket,
          verified: result.data.verified,
          detail: result.data.detail,
          backedUp: result.data.backup ? backupSentence(result.data.backup) : null,
        });
      else setError(result.error);
      router.refresh();
    });
  };
  return (
    <Dialog title={`Restore from backup ${backup.id}`} onClose={onClose}>
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Field label="Bucket of the backup">
          <select
            className={inputClass}
            value={bucket}
            onChange={(e) => {
              setBucket(e.target.value);
              if (!named) setAs(replace ? e.target.value : restoredName(e.target.value));
            }}
          >
            {backup.buckets.map((b) => (
              <option key={b} value={b}>
                {b}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label={replace ? 'Existing bucket to restore over' : 'New bucket name'}
          error={error?.fields?.as}
          hint={replace ? undefined : 'A restore creates this bucket; it never writes into an existing one.'}
        >
          <input
            className={inputClass}
            value={as}
            onChange={(e) => {
              setNamed(true);
              setAs(e.target.value);
            }}
          />
        </Field>
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            className="mt-0.5"
            checked={replace}
            onChange={(e) => {
              setReplace(e.target.checked);
              // Over the bucket of the same name, unless a name was typed.
              if (!named) setAs(e.target.checked ? bucket : restoredName(bucket));
            }}
          />
          <span>
            Restore over the existing bucket instead
            <span className="block text-xs text-slate-500">
              Its current data is backed up first; the restored copy is verified before it takes the bucket&apos;s place.
            </span>
          </span>
        </label>
        {replace ? (
          <Field label={`Type ${as} to confirm`} error={error?.fields?.confirm}>
            <input className={inputClass} value={confirm} onChange={(e) => setConfirm(e.target.value)} aria-label="Confirm bucket name" />
          </Field>
        ) : null}
        {done ? (
          <p className={`text-sm ${done.verified ? 'text-emerald-700' : 'text-red-700'}`} role="status" data-testid="restore-result">
            {done.verified ? `${done.bucket}: ${done.detail}.` : `${done.bucket} restored, but its counts differ from the backup: ${done.detail}.`}
            {done.backedUp ? <span className="mt-1 block text-slate-700">{done.backedUp}</span> : null}
          </p>
        ) : null}
        {error && !error.fields ? <ErrorPanel error={error} title="Restore failed" /> : null}
        {pending ? <ProgressSteps steps={progress.steps} /> : null}
        <div className="flex justify-end gap-2">
          <button type="button" className={secondaryButton} onClick={onClose}>
            {done ? 'Close' : 'Cancel'}
          </button>
          <button type="submit" className={replace ? dangerButton : primaryButton} disabled={pending || !bucket || !as || (replace && confirm !== as)}>
            {pending ? 'Restoring and verifying…' : replace ? `Replace ${as}` : 'Restore'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
