'use client';

import { useState } from 'react';
import { BackupFirstCheckbox } from '@/components/backup-first';
import { Dialog } from '@/components/dialog';
import { Field } from '@/components/field';
import { dangerButton, inputClass, secondaryButton } from '@/components/form-styles';
import { ErrorPanel } from '@/components/error-panel';
import { deleteBucket } from '@/lib/actions/delete-bucket';
import { ProgressSteps } from '@/components/progress-steps';
import { useProgress } from '@/lib/client/use-progress';
import { errorDetail } from '@/lib/client/fetch-result';
import type { BucketRow } from '@/lib/model/bucket';
import type { ChangeNote } from './change-note';
import { useBucketMutation } from './use-bucket-mutation';

/** `onDone` hears what was done (and the backup taken first) for the screen's success note. */
export function DeleteBucketDialog({ bucket, onClose, onDone }: { bucket: BucketRow; onClose: () => void; onDone?: (note: ChangeNote) => void }) {
  const [confirmName, setConfirmName] = useState('');
  const [backupFirst, setBackupFirst] = useState(true);
  const mutation = useBucketMutation(deleteBucket, (done) => {
    onDone?.({ text: `Deleted ${done.name}.`, backup: done.backup });
    onClose();
  });
  const progress = useProgress(mutation.isPending);
  const error = mutation.error ? errorDetail(mutation.error) : null;
  return (
    <Dialog title={`Delete ${bucket.name}`} onClose={onClose}>
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          mutation.mutate({ id: bucket.id, confirmName, backupFirst, progressId: progress.next() });
        }}
      >
        <p className="text-sm">
          This deletes the bucket <span className="font-mono font-semibold">{bucket.name}</span> and <strong>all its data</strong>. It cannot be undone.
        </p>
        <Field label={`Type ${bucket.name} to confirm`} error={error?.fields?.confirmName}>
          <input className={inputClass} value={confirmName} onChange={(e) => setConfirmName(e.target.value)} aria-label="Confirm bucket name" />
        </Field>
        <BackupFirstCheckbox checked={backupFirst} onChange={setBackupFirst} />
        {error && !error.fields ? <ErrorPanel error={error} /> : null}
        {mutation.isPending ? <ProgressSteps steps={progress.steps} /> : null}
        <div className="flex justify-end gap-2">
          <button type="button" className={secondaryButton} onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className={dangerButton} disabled={mutation.isPending || confirmName !== bucket.name}>
            {mutation.isPending ? (backupFirst ? 'Backing up, then deleting…' : 'Deleting…') : 'Delete bucket'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
