'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Card } from '@/components/card';
import { primaryButton, secondaryButton } from '@/components/form-styles';
import { ErrorPanel } from '@/components/error-panel';
import { ReadOnlyNote, useCanChange } from '@/components/role-context';
import { keys } from '@/lib/client/query-keys';
import { download, streamChecks } from '@/lib/client/run-checks';
import type { ConsoleError } from '@/lib/model/error';
import { summarize, summaryLine, toMarkdown } from '@/lib/model/verify-report';
import type { CheckResult, VerifyReport } from '@/lib/model/verify';
import { CheckRow } from './check-row';

export function VerifyScreen({ outline, initial }: { outline: { id: string; title: string }[]; initial: VerifyReport | null }) {
  const client = useQueryClient();
  // The checks write (and delete) a probe point: an admin's job.
  const canChange = useCanChange();
  const [results, setResults] = useState<Record<string, CheckResult>>(() => Object.fromEntries((initial?.checks ?? []).map((c) => [c.id, c])));
  const [report, setReport] = useState<VerifyReport | null>(initial);
  const [running, setRunning] = useState<string | 'all' | null>(null);
  const [error, setError] = useState<ConsoleError | null>(null);

  async function run(only: string | null) {
    setRunning(only ?? 'all');
    setError(null);
    if (!only) setResults({});
    try {
      await streamChecks(only, (e) => {
        if (e.type === 'check') setResults((r) => ({ ...r, [e.result.id]: e.result }));
        else if (e.type === 'done' && e.report) setReport(e.report);
        else if (e.type === 'error') setError(e.error);
      });
    } catch (e) {
      // fetch() rejects only when no answer came; anything else is a broken stream.
      if (e instanceof TypeError)
        setError({ code: 'unreachable', message: 'The console server did not answer.', fix: 'Check that the console is still running, then retry.' });
      else
        setError({
          code: 'internal',
          message: `The checks' answer could not be read (${e instanceof Error ? e.message : 'unknown error'}).`,
          fix: 'Run the checks again; if it persists, the console server log has the details.',
        });
    } finally {
      setRunning(null);
      await client.invalidateQueries({ queryKey: keys.lastVerify() });
    }
  }

  const done = outline.map((c) => results[c.id]).filter((r): r is CheckResult => !!r);
  const current: VerifyReport | null = report && done.length === outline.length ? { ...report, ...summarize(done), checks: done } : null;

  return (
    <Card
      title="Checks"
      actions={
        <div className="flex flex-wrap gap-2">
          <button
            type="button"
            className={secondaryButton}
            disabled={!current}
            onClick={() => current && download('verify-report.json', JSON.stringify(current, null, 2), 'application/json')}
          >
            Download JSON
          </button>
          <button
            type="button"
            className={secondaryButton}
            disabled={!current}
            onClick={() => current && download('verify-report.md', toMarkdown(current), 'text/markdown')}
          >
            Download Markdown
          </button>
          <button type="button" className={primaryButton} disabled={running !== null || !canChange} onClick={() => run(null)}>
            {running === 'all' ? 'Running…' : 'Run checks'}
          </button>
        </div>
      }
    >
      {error ? <ErrorPanel error={error} /> : null}
      {canChange ? null : <ReadOnlyNote what="the last results" />}
      <p data-testid="verify-summary" className="mb-2 text-sm font-medium">
        {running === 'all' ? `Running: ${done.length} of ${outline.length} checks done…` : done.length ? summaryLine(done) : 'Not run yet: click "Run checks".'}
      </p>
      <ul>
        {outline.map((c) => (
          <CheckRow
            key={c.id}
            id={c.id}
            title={c.title}
            result={results[c.id]}
            running={running === 'all' || running === c.id}
            canRerun={canChange}
            onRerun={() => run(c.id)}
          />
        ))}
      </ul>
    </Card>
  );
}
