'use client';

import { Badge, type Tone } from '@/components/badge';
import { FindingGroups } from '@/components/finding-groups';
import { FixLine } from '@/components/fix-line';
import type { CheckResult, CheckStatus } from '@/lib/model/verify';

const TONE: Record<CheckStatus, Tone> = { pass: 'green', warn: 'amber', fail: 'red', skipped: 'slate' };

export function CheckRow({
  id,
  title,
  result,
  running,
  canRerun,
  onRerun,
}: {
  id: string;
  title: string;
  result?: CheckResult;
  running: boolean;
  canRerun: boolean;
  onRerun: () => void;
}) {
  return (
    <li data-testid={`check-${id}`} data-status={result?.status ?? 'pending'} className="flex items-start gap-3 border-b border-slate-100 py-2.5 last:border-0">
      <div className="w-16 shrink-0 pt-0.5">
        {result ? (
          <Badge tone={TONE[result.status]}>{result.status}</Badge>
        ) : (
          <span className="text-xs text-slate-600">{running ? 'running…' : 'not run'}</span>
        )}
      </div>
      <div className="min-w-0 flex-1 text-sm">
        <p className="font-medium">{title}</p>
        {result?.grouped ? (
          <div className="space-y-2" data-testid="check-detail">
            <p className="text-slate-600">{result.grouped.lead}</p>
            {result.grouped.notes.length ? (
              <ul className="list-disc space-y-1 pl-5 text-slate-600">
                {result.grouped.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            ) : null}
            <FindingGroups findings={result.grouped.findings} show="details" />
          </div>
        ) : result ? (
          <p className="text-slate-600" data-testid="check-detail">
            {result.detail}
          </p>
        ) : null}
        {result && result.fix && result.status !== 'pass' ? <FixLine fix={result.fix} className="mt-1 rounded bg-slate-50 p-2 text-xs" testId="fix" /> : null}
      </div>
      <button
        type="button"
        onClick={onRerun}
        disabled={running || !canRerun}
        className="shrink-0 text-xs font-medium text-indigo-700 hover:underline disabled:opacity-40"
        aria-label={`Rerun ${title}`}
      >
        Rerun
      </button>
    </li>
  );
}
