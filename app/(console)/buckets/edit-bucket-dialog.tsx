'use client';

import { useState } from 'react';
import { BackupFirstCheckbox } from '@/components/backup-first';
import { Dialog } from '@/components/dialog';
import { Field } from '@/components/field';
import { inputClass, primaryButton, secondaryButton } from '@/components/form-styles';
import { ErrorPanel } from '@/components/error-panel';
import { updateBucket } from '@/lib/actions/update-bucket';
import { ProgressSteps } from '@/components/progress-steps';
import { useProgress } from '@/lib/client/use-progress';
import { errorDetail } from '@/lib/client/fetch-result';
import type { BucketRow } from '@/lib/model/bucket';
import { BucketFields } from './bucket-fields';
import type { ChangeNote } from './change-note';
import { formatRetention, parseRetention, shortensRetention } from '@/lib/model/retention';
import { parseShardGroupDuration, retentionBelowShardGroups, shardGroupConflict } from '@/lib/model/shard-group';
import { useBucketMutation } from './use-bucket-mutation';

/** `onDone` hears of a backup taken first (retention shortened) for the screen's success note. */
export function EditBucketDialog({ bucket, onClose, onDone }: { bucket: BucketRow; onClose: () => void; onDone?: (note: ChangeNote) => void }) {
  const [retention, setRetention] = useState(bucket.retentionText);
  const [description, setDescription] = useState(bucket.description);
  const [shardGroups, setShardGroups] = useState('');
  const [confirmName, setConfirmName] = useState('');
  const [backupFirst, setBackupFirst] = useState(true);
  const mutation = useBucketMutation(updateBucket, (saved) => {
    if (saved.backup) onDone?.({ text: `Saved: ${saved.name} now keeps ${saved.retentionText}.`, backup: saved.backup });
    onClose();
  });
  const parsed = parseRetention(retention);
  const shortens = parsed.ok && shortensRetention(bucket.retentionSeconds, parsed.seconds);
  // Empty keeps the bucket's shard-group duration; the same refusals as the server's, before any call.
  const shardText = shardGroups.trim();
  const shardParsed = shardText === '' ? null : parseShardGroupDuration(shardText);
  const kept = parsed.ok && shardParsed === null ? retentionBelowShardGroups(parsed.seconds, bucket.shardGroupDurationSeconds) : null;
  const shardError = !parsed.ok
    ? undefined
    : shardParsed === null
      ? kept
        ? `${kept}: set one of at most ${formatRetention(parsed.seconds)}.`
        : undefined
      : shardParsed.ok
        ? (shardGroupConflict(parsed.seconds, shardParsed.seconds) ?? undefined)
        : shardParsed.message;
  const progress = useProgress(mutation.isPending);
  const error = mutation.error ? errorDetail(mutation.error) : null;
  return (
    <Dialog title={`Edit ${bucket.name}`} onClose={onClose}>
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          mutation.mutate({
            id: bucket.id,
            retention,
            description,
            ...(shardText ? { shardGroupDuration: shardText } : {}),
            ...(shortens ? { confirmName, backupFirst } : {}),
            progressId: progress.next(),
          });
        }}
      >
        <BucketFields
          retention={{
            value: retention,
            onChange: setRetention,
            error: error?.fields?.retention ?? (parsed.ok ? undefined : parsed.message),
            hint: `Now ${bucket.retentionText}. 90d, 12h, 52w or infinite.`,
          }}
          shardGroups={{
            label: 'Shard-group duration',
            value: shardGroups,
            onChange: setShardGroups,
            error: error?.fields?.shardGroupDuration ?? shardError,
            hint: `Now ${bucket.shardGroupDurationSeconds ? formatRetention(bucket.shardGroupDurationSeconds) : "InfluxDB's choice"}. Empty keeps it; 1h, 1d or 7d. A change applies to new shard groups only.`,
            placeholder: 'unchanged',
          }}
          description={{ value: description, onChange: setDescription, error: error?.fields?.description }}
        />
        {shortens ? (
          <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
            <p className="font-medium text-amber-900">Shortening retention from {bucket.retentionText} expires all data older than the new retention.</p>
            <Field label={`Type ${bucket.name} to confirm`} error={error?.fields?.confirmName}>
              <input className={inputClass} value={confirmName} onChange={(e) => setConfirmName(e.target.value)} aria-label="Confirm bucket name" />
            </Field>
            <BackupFirstCheckbox checked={backupFirst} onChange={setBackupFirst} />
          </div>
        ) : null}
        {error && !error.fields ? <ErrorPanel error={error} /> : null}
        {mutation.isPending ? <ProgressSteps steps={progress.steps} /> : null}
        <div className="flex justify-end gap-2">
          <button type="button" className={secondaryButton} onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className={primaryButton} disabled={mutation.isPending || !!shardError || (shortens && confirmName !== bucket.name)}>
            {mutation.isPending ? (shortens && backupFirst ? 'Backing up, then saving…' : 'Saving…') : 'Save'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
