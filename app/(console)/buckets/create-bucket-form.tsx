'use client';

import { useState } from 'react';
import { Field } from '@/components/field';
import { inputClass, primaryButton } from '@/components/form-styles';
import { ErrorPanel } from '@/components/error-panel';
import { createBucket } from '@/lib/actions/create-bucket';
import { errorDetail } from '@/lib/client/fetch-result';
import { formatRetention, parseRetention } from '@/lib/model/retention';
import { derivedShardGroupSeconds, parseShardGroupDuration, shardGroupConflict } from '@/lib/model/shard-group';
import { useBucketMutation } from './use-bucket-mutation';

export function CreateBucketForm() {
  const [name, setName] = useState('');
  const [retention, setRetention] = useState('30d');
  const [description, setDescription] = useState('');
  const [shardGroups, setShardGroups] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const mutation = useBucketMutation(createBucket, (b) => {
    setCreated(`Created ${b.name} with retention ${b.retentionText}.`);
    setName('');
    setDescription('');
    setShardGroups('');
  });
  const error = mutation.error ? errorDetail(mutation.error) : null;
  // Empty lets InfluxDB derive it from the retention; the same refusals as the server's, before any call.
  const parsed = parseRetention(retention);
  const shardText = shardGroups.trim();
  const shardParsed = shardText === '' ? null : parseShardGroupDuration(shardText);
  const shardError = shardParsed === null ? undefined : !shardParsed.ok ? shardParsed.message : parsed.ok ? (shardGroupConflict(parsed.seconds, shardParsed.seconds) ?? undefined) : undefined;
  const derived = parsed.ok ? `Empty: InfluxDB picks ${formatRetention(derivedShardGroupSeconds(parsed.seconds))}.` : 'Empty: InfluxDB picks.';
  return (
    <form
      aria-label="Create bucket"
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        setCreated(null);
        mutation.mutate({ name, retention, description, ...(shardText ? { shardGroupDuration: shardText } : {}) });
      }}
    >
      <div className="grid gap-3 sm:grid-cols-[2fr_1fr_1fr_3fr_auto] sm:items-start">
        <Field label="Name" error={error?.fields?.name}>
          <input className={inputClass} value={name} onChange={(e) => setName(e.target.value)} placeholder="pattern_aggregates_hourly" />
        </Field>
        <Field label="Retention" error={error?.fields?.retention} hint="90d, 12h, 52w, infinite">
          <input className={inputClass} value={retention} onChange={(e) => setRetention(e.target.value)} />
        </Field>
        <Field label="Shard groups" error={error?.fields?.shardGroupDuration ?? shardError} hint={derived}>
          <input className={inputClass} value={shardGroups} onChange={(e) => setShardGroups(e.target.value)} placeholder="1d" aria-label="Shard-group duration" />
        </Field>
        <Field label="Description" error={error?.fields?.description}>
          <input className={inputClass} value={description} onChange={(e) => setDescription(e.target.value)} />
        </Field>
        <button type="submit" className={`${primaryButton} sm:mt-6`} disabled={mutation.isPending || !!shardError}>
          {mutation.isPending ? 'Creating…' : 'Create bucket'}
        </button>
      </div>
      {error && !error.fields ? <ErrorPanel error={error} /> : null}
      {created ? (
        <p role="status" className="text-sm text-emerald-700">
          {created}
        </p>
      ) : null}
    </form>
  );
}
