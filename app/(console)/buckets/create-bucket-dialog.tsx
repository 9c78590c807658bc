'use client';

import { useState } from 'react';
import { Dialog } from '@/components/dialog';
import { Field } from '@/components/field';
import { inputClass, primaryButton, secondaryButton } from '@/components/form-styles';
import { ErrorPanel } from '@/components/error-panel';
import { createBucket } from '@/lib/actions/create-bucket';
import { errorDetail } from '@/lib/client/fetch-result';
import { formatRetention, parseRetention } from '@/lib/model/retention';
import { derivedShardGroupSeconds, parseShardGroupDuration, shardGroupConflict } from '@/lib/model/shard-group';
import { BucketFields } from './bucket-fields';
import type { ChangeNote } from './change-note';
import { useBucketMutation } from './use-bucket-mutation';

/**
 * Create a bucket, in a dialog: focus on Name, Escape anywhere closes it, focus back on the opener.
 * Once created it closes, and the screen says what was made.
 */
export function CreateBucketDialog({ onClose, onDone }: { onClose: () => void; onDone: (note: ChangeNote) => void }) {
  const [name, setName] = useState('');
  const [retention, setRetention] = useState('30d');
  const [description, setDescription] = useState('');
  const [shardGroups, setShardGroups] = useState('');
  const mutation = useBucketMutation(createBucket, (b) => {
    onDone({ text: `Created ${b.name} with retention ${b.retentionText}.`, backup: null });
    onClose();
  });
  const error = mutation.error ? errorDetail(mutation.error) : null;
  // Empty lets InfluxDB derive it from the retention; the same refusals as the server's, before any call.
  const parsed = parseRetention(retention);
  const shardText = shardGroups.trim();
  const shardParsed = shardText === '' ? null : parseShardGroupDuration(shardText);
  const shardError =
    shardParsed === null
      ? undefined
      : !shardParsed.ok
        ? shardParsed.message
        : parsed.ok
          ? (shardGroupConflict(parsed.seconds, shardParsed.seconds) ?? undefined)
          : undefined;
  const derived = parsed.ok ? `Empty: InfluxDB picks ${formatRetention(derivedShardGroupSeconds(parsed.seconds))}.` : 'Empty: InfluxDB picks.';
  return (
    <Dialog title="Create bucket" onClose={onClose}>
      <form
        aria-label="Create bucket"
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          mutation.mutate({ name, retention, description, ...(shardText ? { shardGroupDuration: shardText } : {}) });
        }}
      >
        <div className="grid gap-3 sm:grid-cols-2 sm:items-start">
          <Field label="Name" error={error?.fields?.name}>
            <input className={inputClass} value={name} onChange={(e) => setName(e.target.value)} placeholder="pattern_aggregates_hourly" />
          </Field>
          <BucketFields
            retention={{ value: retention, onChange: setRetention, error: error?.fields?.retention, hint: '90d, 12h, 52w, infinite' }}
            shardGroups={{
              label: 'Shard groups',
              value: shardGroups,
              onChange: setShardGroups,
              error: error?.fields?.shardGroupDuration ?? shardError,
              hint: derived,
              placeholder: '1d',
            }}
            description={{ value: description, onChange: setDescription, error: error?.fields?.description }}
          />
        </div>
        {error && !error.fields ? <ErrorPanel error={error} /> : null}
        <div className="flex justify-end gap-2">
          <button type="button" className={secondaryButton} onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className={primaryButton} disabled={mutation.isPending || !!shardError}>
            {mutation.isPending ? 'Creating…' : 'Create bucket'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
