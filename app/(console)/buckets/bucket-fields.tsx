'use client';

import { Field } from '@/components/field';
import { inputClass } from '@/components/form-styles';

/** One text field of the bucket form: its value, how it changes, and what is said under it. */
export interface BucketField {
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
}

/**
 * The settings a bucket is created and edited with (retention, shard-group duration, description),
 * the same inputs in both dialogs; each dialog says what an empty shard-group duration means there.
 */
export function BucketFields({
  retention,
  shardGroups,
  description,
}: {
  retention: BucketField;
  shardGroups: BucketField & { label: string; placeholder: string };
  description: BucketField;
}) {
  return (
    <>
      <Field label="Retention" error={retention.error} hint={retention.hint}>
        <input className={inputClass} value={retention.value} onChange={(e) => retention.onChange(e.target.value)} aria-label="Retention" />
      </Field>
      <Field label={shardGroups.label} error={shardGroups.error} hint={shardGroups.hint}>
        <input
          className={inputClass}
          value={shardGroups.value}
          onChange={(e) => shardGroups.onChange(e.target.value)}
          placeholder={shardGroups.placeholder}
          aria-label="Shard-group duration"
        />
      </Field>
      <Field label="Description" error={description.error} hint={description.hint}>
        <input className={inputClass} value={description.value} onChange={(e) => description.onChange(e.target.value)} aria-label="Description" />
      </Field>
    </>
  );
}
