'use client';

import type { BackupRef } from '@/lib/model/backup-first';
import { CopyButton } from './copy-button';

/** "Back up the bucket first": on by default in every destructive form; unchecking changes the data without a backup. */
export function BackupFirstCheckbox({ checked, onChange }: { checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="flex items-start gap-2 text-sm">
      <input type="checkbox" className="mt-0.5" checked={checked} onChange={(e) => onChange(e.target.checked)} data-testid="backup-first" />
      <span>
        Back up the bucket first
        <span className="block text-xs text-slate-500">
          {checked ? 'A failed backup changes nothing. The backup API needs an operator token.' : 'Without a backup this cannot be undone.'}
        </span>
      </span>
    </label>
  );
}

/** The backup a change took first, and the command that restores it as a new bucket. */
export function BackupTaken({ backup }: { backup: BackupRef }) {
  return (
    <span className="mt-1 block" data-testid="backup-taken">
      Backed up {backup.bucket} first as <span className="font-mono">{backup.id}</span>. To get the data back as a new bucket:{' '}
      <span className="flex items-center gap-2">
        <code className="break-all">{backup.restore}</code>
        <CopyButton text={backup.restore} />
      </span>
    </span>
  );
}
