'use client';

import { ActionButton } from '@/components/action-button';
import { ReadOnlyNote, useCanChange } from '@/components/role-context';
import { createBackup } from '@/lib/actions/create-backup';
import { plural } from '@/lib/model/plural';

/** Backs up every bucket of the organization now; the list below gains the backup once it is complete. */
export function BackUpNowButton() {
  const canChange = useCanChange();
  if (!canChange) return <ReadOnlyNote what="the backups" />;
  return (
    <ActionButton
      run={(progressId) => createBackup({ progressId })}
      progress
      label="Back up now"
      pendingLabel="Backing up…"
      errorTitle="Backup failed"
      refresh
      doneText={(d) => `Backup ${d.id} complete: ${d.buckets.map((b) => `${b.name} (${plural(b.records, 'record')})`).join(', ')}.`}
    />
  );
}
