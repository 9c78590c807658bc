'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Field } from '@/components/field';
import { dangerButton, inputClass } from '@/components/form-styles';
import { ErrorPanel } from '@/components/error-panel';
import { uploadAndCheck, writeImport, type CheckedUpload } from '@/lib/client/data-import';
import { errorDetail } from '@/lib/client/fetch-result';
import { formatBytes, formatCount, formatUtc } from '@/lib/model/format';
import { keys } from '@/lib/client/query-keys';
import { linesToSend } from '@/lib/model/data-operations';
import type { LineProblem } from '@/lib/model/data-operations';
import type { BucketRow } from '@/lib/model/bucket';
import type { ImportProgress, ImportReport } from '@/lib/model/data-operations';
import { plural, pluralWord } from '@/lib/model/plural';
import { DataTable } from '@/components/data-table';

const nsText = (ns: string | null) => (ns === null ? '—' : formatUtc(Number(BigInt(ns) / 1_000_000n)));

function Problems({ title, lines, more }: { title: string; lines: LineProblem[]; more: number }) {
  if (lines.length === 0) return null;
  return (
    <div className="text-sm" data-testid="import-problems">
      <p className="font-medium text-amber-800">{title}</p>
      <ul
        className="mt-1 max-h-48 overflow-auto font-mono text-xs [overflow-wrap:anywhere] focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500"
        tabIndex={0}
        aria-label={title}
      >
        {lines.map((e) => (
          <li key={`${e.line}:${e.message}`}>
            line {e.line}: {e.message}
          </li>
        ))}
      </ul>
      {more > 0 ? <p className="text-xs text-slate-600">… and {formatCount(more)} more.</p> : null}
    </div>
  );
}

function Report({ report }: { report: ImportReport | CheckedUpload }) {
  return (
    <div className="space-y-3" data-testid="import-report">
      <DataTable
        label="Points and lines per measurement"
        rows={Object.entries(report.lines)}
        rowKey={([m]) => m}
        rowTestId={([m]) => `import-row-${m}`}
        columns={[
          { id: 'measurement', header: 'Measurement', cell: ([m]) => m },
          { id: 'points', header: 'Points', align: 'right', cell: ([m]) => formatCount(report.points[m] ?? 0) },
          { id: 'lines', header: 'Lines', align: 'right', cell: ([, n]) => formatCount(n) },
        ]}
      />
      <p className="text-sm text-slate-600" data-testid="import-totals">
        {formatCount(report.totalPoints)} {pluralWord(report.totalPoints, 'point')} in {formatCount(report.totalLines)} {pluralWord(report.totalLines, 'line')}:
        a point (one series at one time) has a line per field when exported one field per line.
      </p>
      <p className="text-sm text-slate-600">
        Time span {nsText(report.firstNs)} to {nsText(report.lastNs)} · precision {report.precision}
      </p>
      {report.outsideRetention.points > 0 ? (
        <p className="text-sm text-amber-800">
          {plural(report.outsideRetention.points, 'point')} ({plural(report.outsideRetention.lines, 'line')}) are older than the retention (before{' '}
          {report.outsideRetention.cutoff}): InfluxDB would drop them, so they are not sent.
        </p>
      ) : null}
      {report.conflicts.map((c) => (
        <p key={`${c.measurement}.${c.field}.${c.shardGroup}.${c.where}`} className="text-sm text-amber-800">
          Type conflict: {c.measurement}.{c.field} is {c.existing} {c.where === 'stored' ? 'in the bucket' : 'earlier in the file'} and {c.incoming} from line{' '}
          {c.line} (shard group of {c.shardGroup}): InfluxDB will refuse those lines.
        </p>
      ))}
      <Problems title="Lines that will not be written" lines={report.errors} more={report.moreErrors} />
      <Problems title="Lines InfluxDB refused" lines={report.refused} more={report.moreRefused} />
    </div>
  );
}

/**
 * Import line protocol (plain or gzipped): the file is uploaded and checked first (a dry run that
 * writes nothing), then written in batches once the bucket name is typed.
 */
export function ImportPanel({ bucket }: { bucket: BucketRow }) {
  const client = useQueryClient();
  const [uploaded, setUploaded] = useState<{ sent: number; size: number } | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [confirmName, setConfirmName] = useState('');
  const check = useMutation({
    mutationFn: (file: File) => {
      setUploaded({ sent: 0, size: file.size });
      return uploadAndCheck(bucket.id, file, (sent) => setUploaded({ sent, size: file.size }));
    },
  });
  const write = useMutation({
    mutationFn: (importId: string) => writeImport(importId, confirmName, (e) => e.type === 'progress' && setProgress(e)),
    onSettled: () => Promise.all([client.invalidateQueries({ queryKey: keys.stats() }), client.invalidateQueries({ queryKey: ['storage'] })]),
  });
  const checked = check.data;
  const toSend = checked ? linesToSend(checked) : 0;
  const writeError = write.error ? errorDetail(write.error) : null;
  return (
    <div className="space-y-4" data-testid="import-data">
      <p className="text-sm text-slate-600">
        Line protocol, plain or gzipped (as Export writes it). The file is checked first: nothing is written until you confirm.
      </p>
      <Field label="File" hint="A .lp or .lp.gz file; a # precision=ms comment before the first point sets the precision (default ns).">
        <input
          type="file"
          accept=".lp,.gz,.txt,text/plain,application/gzip"
          aria-label="Line-protocol file"
          className="text-sm"
          onChange={(e) => {
            const file = e.target.files?.[0];
            write.reset();
            setProgress(null);
            setConfirmName('');
            if (file) check.mutate(file);
          }}
        />
      </Field>
      {check.isPending && uploaded ? (
        <p className="text-sm text-slate-600">
          {uploaded.sent < uploaded.size ? `Uploading ${formatBytes(uploaded.sent)} of ${formatBytes(uploaded.size)}…` : 'Checking the file…'}
        </p>
      ) : null}
      {check.error ? <ErrorPanel error={errorDetail(check.error)} title="Cannot check this file" /> : null}
      {checked && !write.data ? (
        <div className="space-y-3 rounded-md border border-slate-200 p-3">
          <p className="text-sm font-medium">Dry run of {checked.fileName}: nothing written yet.</p>
          <Report report={checked} />
          {toSend > 0 ? (
            <form
              className="flex flex-wrap items-end gap-3"
              onSubmit={(e) => {
                e.preventDefault();
                write.mutate(checked.importId);
              }}
            >
              <Field label={`Type ${bucket.name} to write ${formatCount(toSend)} lines`} error={writeError?.fields?.confirmName}>
                <input
                  className={inputClass}
                  value={confirmName}
                  onChange={(e) => setConfirmName(e.target.value)}
                  aria-label="Bucket name to confirm the import"
                  autoComplete="off"
                />
              </Field>
              <button type="submit" className={dangerButton} disabled={confirmName !== bucket.name || write.isPending}>
                {write.isPending ? 'Importing…' : 'Import'}
              </button>
            </form>
          ) : (
            <p className="text-sm text-slate-600">Nothing in this file can be written.</p>
          )}
        </div>
      ) : null}
      {write.isPending && progress ? (
        <p className="text-sm text-slate-600" data-testid="import-progress">
          Written {formatCount(progress.sent - progress.refused)} of {formatCount(toSend)} lines
          {progress.refused ? `, ${formatCount(progress.refused)} refused` : ''} ({Math.round((100 * progress.readBytes) / Math.max(1, progress.fileBytes))}% of
          the file read)…
        </p>
      ) : null}
      {writeError && !writeError.fields?.confirmName ? <ErrorPanel error={writeError} title="The import stopped" /> : null}
      {write.data ? (
        <div className="space-y-3 rounded-md border border-emerald-200 bg-emerald-50 p-3">
          <p className="text-sm font-medium text-emerald-900" data-testid="import-done">
            Imported {formatCount(write.data.written ?? 0)} lines into {bucket.name}.
          </p>
          <Report report={write.data} />
        </div>
      ) : null}
    </div>
  );
}
