'use client';

import { useState } from 'react';
import { Field } from '@/components/field';
import { inputClass, primaryButton } from '@/components/form-styles';
import { exportInputSchema } from '@/lib/model/export-options';
import type { BucketRow } from '@/lib/model/bucket';

/** The download's address: the checked form as query parameters. */
function exportUrl(bucketId: string, measurements: string[], start: string, stop: string): string {
  const params = new URLSearchParams({ bucket: bucketId });
  for (const m of measurements) params.append('measurement', m);
  if (start.trim()) params.set('start', start.trim());
  if (stop.trim()) params.set('stop', stop.trim());
  return `/api/data/export?${params.toString()}`;
}

/**
 * Export as gzipped line protocol: pick measurements (none picked: all of them) and a time range
 * (empty: all time), then the browser downloads the file as the console streams it.
 */
export function ExportPanel({ bucket, measurements = [] }: { bucket: BucketRow; measurements?: string[] }) {
  const [picked, setPicked] = useState<string[]>([]);
  const [others, setOthers] = useState('');
  const [start, setStart] = useState('');
  const [stop, setStop] = useState('');
  const chosen = [
    ...picked,
    ...others
      .split('\n')
      .map((m) => m.trim())
      .filter(Boolean),
  ];
  const checked = exportInputSchema.safeParse({ bucketId: bucket.id, measurements: chosen, start, stop });
  const problems = checked.success ? {} : Object.fromEntries(checked.error.issues.map((i) => [String(i.path[0] ?? ''), i.message]));
  const toggle = (m: string) => setPicked((p) => (p.includes(m) ? p.filter((x) => x !== m) : [...p, m]));
  return (
    <div className="space-y-4" data-testid="export-data">
      <p className="text-sm text-slate-600">
        Downloads the raw points as gzipped line protocol (<code>.lp.gz</code>): every field type and every name exactly as stored, one field per line. It
        imports back here, with <code>data import</code>, or with <code>influx write</code>.
      </p>
      <div className="grid gap-3 md:grid-cols-2">
        <Field label="Measurements" hint="None picked: every measurement of the bucket.">
          <div className="space-y-1">
            {measurements.map((m) => (
              <label key={m} className="flex items-center gap-2 text-sm">
                <input type="checkbox" checked={picked.includes(m)} onChange={() => toggle(m)} aria-label={`Export ${m}`} />
                {m}
              </label>
            ))}
            <textarea
              className={inputClass}
              rows={2}
              value={others}
              onChange={(e) => setOthers(e.target.value)}
              aria-label="Other measurements"
              placeholder={measurements.length ? 'others, one per line' : 'measurements, one per line'}
            />
          </div>
        </Field>
        <div className="space-y-3">
          <Field label="Start (included)" hint="RFC 3339 such as 2026-11-01T00:00:00Z, or a date. Empty: from the first point." error={problems.start}>
            <input className={inputClass} value={start} onChange={(e) => setStart(e.target.value)} aria-label="Export start" />
          </Field>
          <Field label="Stop (excluded)" hint="Empty: up to the last point." error={problems.stop}>
            <input className={inputClass} value={stop} onChange={(e) => setStop(e.target.value)} aria-label="Export stop" />
          </Field>
        </div>
      </div>
      {problems.measurements ? <p className="text-sm text-red-700">{problems.measurements}</p> : null}
      {checked.success ? (
        <a className={`inline-block ${primaryButton}`} href={exportUrl(bucket.id, chosen, start, stop)} download>
          Download {bucket.name}.lp.gz
        </a>
      ) : (
        <button type="button" className={primaryButton} disabled>
          Download {bucket.name}.lp.gz
        </button>
      )}
      <p className="text-xs text-slate-500">
        Progress shows in the browser’s downloads as bytes received: the size is unknown until InfluxDB has sent the last row, so there is no percentage. The
        command line prints points, lines (one per field of a point) and bytes as it goes, and the import’s check counts both:{' '}
        <code>
          npm run --silent cli -- data export --bucket {bucket.name} &gt; {bucket.name}.lp.gz
        </code>
        .
      </p>
    </div>
  );
}
