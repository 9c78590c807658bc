'use client';

import { secondaryButton } from './form-styles';
import { csvFileName, toCsv, type CsvCell } from '@/lib/model/csv';

/**
 * "Download CSV" of the rows a table shows (after its filter), built in the browser: nothing to
 * ask the server, and open to every role (it changes nothing). `rows` is called on click only.
 */
export function CsvDownload({
  name,
  header,
  rows,
  label = 'Download CSV',
}: {
  name: string;
  header: readonly string[];
  rows: () => readonly (readonly CsvCell[])[];
  label?: string;
}) {
  return (
    <button
      type="button"
      className={secondaryButton}
      onClick={() => {
        const blob = new Blob([toCsv(header, rows())], { type: 'text/csv;charset=utf-8' });
        const url = URL.createObjectURL(blob);
        const a = document.createElement('a');
        a.href = url;
        a.download = csvFileName(name);
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      }}
    >
      {label}
    </button>
  );
}
