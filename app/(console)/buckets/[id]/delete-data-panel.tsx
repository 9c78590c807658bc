'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { BackupFirstCheckbox, BackupTaken } from '@/components/backup-first';
import { Field } from '@/components/field';
import { dangerButton, inputClass, secondaryButton } from '@/components/form-styles';
import { ErrorPanel } from '@/components/error-panel';
import { deleteData } from '@/lib/actions/delete-data';
import { ProgressSteps } from '@/components/progress-steps';
import { useProgress } from '@/lib/client/use-progress';
import { previewDataDelete } from '@/lib/actions/preview-data-delete';
import { errorDetail, unwrap } from '@/lib/client/fetch-result';
import { keys } from '@/lib/client/query-keys';
import type { BucketRow } from '@/lib/model/bucket';
import type { DeletePreview } from '@/lib/model/data-operations';
import { DeletePreviewTable } from './delete-preview-table';
import { plural } from '@/lib/model/plural';
import { formatNumber } from '@/lib/model/format';

const DAY = 86_400_000;
const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * Delete data in two steps: an exact preview of the points per measurement (and a sample),
 * then the bucket name typed. Editing the selection drops the preview, so what is confirmed
 * is always what was shown.
 */
export function DeleteDataPanel({ bucket, measurements }: { bucket: BucketRow; measurements: string[] }) {
  const listId = useId();
  const client = useQueryClient();
  const [form, setForm] = useState(() => ({
    measurement: '',
    where: '',
    start: isoSeconds(Math.floor(Date.now() / DAY - 7) * DAY),
    stop: isoSeconds(Date.now()),
  }));
  const [confirmName, setConfirmName] = useState('');
  const [backupFirst, setBackupFirst] = useState(true);
  const input = { bucketId: bucket.id, measurement: form.measurement, where: form.where.trim() ? [form.where] : [], start: form.start, stop: form.stop };
  const preview = useMutation({ mutationFn: () => unwrap(previewDataDelete(input)) });
  const remove = useMutation({
    mutationFn: ({ shown, progressId }: { shown: DeletePreview; progressId: string }) =>
      unwrap(deleteData({ ...input, confirmName, expectedPoints: shown.total, previewId: shown.previewId, backupFirst, progressId })),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: keys.stats() }), client.invalidateQueries({ queryKey: ['storage'] })]),
  });
  const edit = (patch: Partial<typeof form>) => {
    setForm((f) => ({ ...f, ...patch }));
    preview.reset();
    remove.reset();
    setConfirmName('');
  };
  const progress = useProgress(remove.isPending);
  const shown = preview.data;
  const previewError = preview.error ? errorDetail(preview.error) : null;
  const removeError = remove.error ? errorDetail(remove.error) : null;
  return (
    <div className="space-y-4" data-testid="delete-data">
      <p className="text-sm text-slate-600">
        Deletes the points of a measurement (or of every one) whose tags match, between two times (both included). InfluxDB deletes whole points: it cannot
        delete one field, and it matches tags with <code>=</code> joined by <code>AND</code> only.
      </p>
      <form
        className="grid gap-3 md:grid-cols-2"
        onSubmit={(e) => {
          e.preventDefault();
          remove.reset();
          preview.mutate();
        }}
      >
        <Field label="Measurement" hint="Empty: every measurement.">
          <input
            className={inputClass}
            value={form.measurement}
            onChange={(e) => edit({ measurement: e.target.value })}
            list={listId}
            aria-label="Measurement"
            placeholder="every measurement"
          />
          <datalist id={listId}>
            {measurements.map((m) => (
              <option key={m} value={m} />
            ))}
          </datalist>
        </Field>
        <Field
          label="Tag conditions"
          hint='tag=value joined by AND, e.g. entity_id=light.kitchen AND domain="light". Empty: every series.'
          error={previewError?.fields?.where}
        >
          <input
            className={inputClass}
            value={form.where}
            onChange={(e) => edit({ where: e.target.value })}
            aria-label="Tag conditions"
            placeholder="entity_id=light.kitchen"
          />
        </Field>
        <Field label="Start (included)" hint="RFC 3339 such as 2026-11-01T00:00:00Z, or a date." error={previewError?.fields?.start}>
          <input className={inputClass} value={form.start} onChange={(e) => edit({ start: e.target.value })} aria-label="Start" />
        </Field>
        <Field label="Stop (included)" error={previewError?.fields?.stop}>
          <input className={inputClass} value={form.stop} onChange={(e) => edit({ stop: e.target.value })} aria-label="Stop" />
        </Field>
        <div className="md:col-span-2">
          <button type="submit" className={secondaryButton} disabled={preview.isPending}>
            {preview.isPending ? 'Counting the points…' : 'Preview delete'}
          </button>
        </div>
      </form>
      {previewError ? <ErrorPanel error={previewError} title="Cannot preview this delete" /> : null}
      {shown && !remove.isSuccess ? (
        <div className="space-y-3" data-testid="delete-preview">
          <DeletePreviewTable preview={shown} />
          {shown.total > 0 ? (
            <form
              className="flex flex-wrap items-end gap-3"
              onSubmit={(e) => {
                e.preventDefault();
                remove.mutate({ shown, progressId: progress.next() });
              }}
            >
              <Field label={`Type ${bucket.name} to confirm`} error={removeError?.fields?.confirmName}>
                <input className={inputClass} value={confirmName} onChange={(e) => setConfirmName(e.target.value)} aria-label="Confirm bucket name" />
              </Field>
              <BackupFirstCheckbox checked={backupFirst} onChange={setBackupFirst} />
              <button type="submit" className={dangerButton} disabled={remove.isPending || confirmName !== bucket.name}>
                {remove.isPending ? (backupFirst ? 'Backing up, then deleting…' : 'Deleting…') : `Delete ${plural(shown.total, 'point')}`}
              </button>
            </form>
          ) : null}
        </div>
      ) : null}
      {remove.isPending ? <ProgressSteps steps={progress.steps} /> : null}
      {removeError && !removeError.fields ? <ErrorPanel error={removeError} title="Nothing was deleted" /> : null}
      {remove.data ? (
        <p className="rounded-md bg-emerald-50 p-3 text-sm text-emerald-900" role="status" data-testid="delete-result">
          Deleted {plural(remove.data.deleted, 'point')} from {remove.data.bucket}, as counted again afterwards
          {remove.data.remaining > 0 ? ` (${formatNumber(remove.data.remaining)} matching points were written meanwhile and remain)` : ''}.
          {remove.data.backup ? <BackupTaken backup={remove.data.backup} /> : null}
        </p>
      ) : null}
    </div>
  );
}
