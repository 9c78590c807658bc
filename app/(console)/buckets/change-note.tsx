'use client';

import { BackupTaken } from '@/components/backup-first';
import type { BackupRef } from '@/lib/model/backup-first';

/** What a bucket dialog did, shown on the screen after the dialog closed: with the backup taken first, how to restore it. */
export interface ChangeNote {
  text: string;
  backup: BackupRef | null;
}

export function ChangeNoteBanner({ note, onDismiss }: { note: ChangeNote; onDismiss: () => void }) {
  return (
    <div
      className="mb-3 flex items-start justify-between gap-3 rounded-md bg-emerald-50 p-3 text-sm text-emerald-900"
      role="status"
      data-testid="bucket-change-note"
    >
      <p>
        {note.text}
        {note.backup ? <BackupTaken backup={note.backup} /> : null}
      </p>
      <button type="button" className="shrink-0 text-xs underline" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
