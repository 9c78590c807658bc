import { groupFindings } from '@/lib/client/insights-view';
import type { Finding } from '@/lib/model/insights';
import { FindingItem } from './finding-item';

/**
 * Findings grouped by kind, each group a <details>: its title and reach in the summary, then the
 * one change that fixes all of it and the places it affects. `show`: `places` (the Overview),
 * `details` (Verify: each finding's sentence too), `items` (Insights: each finding with its exact fix).
 */
export function FindingGroups({ findings, show, testId }: { findings: readonly Finding[]; show: 'places' | 'details' | 'items'; testId?: string }) {
  const groups = groupFindings(findings);
  if (groups.length === 0) return null;
  return (
    <ul className="space-y-2" data-testid={testId}>
      {groups.map((g) => (
        <li key={g.kind} data-kind={g.kind} data-testid={`finding-group-${g.kind}`}>
          <details className="group rounded-lg border border-amber-200 bg-amber-50 text-sm">
            <summary className="cursor-pointer rounded-lg p-3 break-words">
              <span className="font-semibold text-amber-900">{g.title}</span>
              <span className="text-slate-700"> · {g.scope}</span>
            </summary>
            <div className="space-y-2 px-3 pb-3">
              <p className="text-slate-800" data-testid="group-change">
                <span className="font-medium">
                  {g.writer
                    ? `The change to HomeIQ’s writer that fixes ${g.findings.length === 1 ? 'it' : 'all of them'}: `
                    : `What fixes ${g.findings.length === 1 ? 'it' : 'all of them'}: `}
                </span>
                {g.change}
              </p>
              {show === 'items' ? (
                <ul className="space-y-2">
                  {g.findings.map((f) => (
                    <FindingItem key={`${f.bucket}:${f.measurement ?? ''}:${f.detail}`} finding={f} />
                  ))}
                </ul>
              ) : show === 'details' ? (
                <ul className="list-disc space-y-1 pl-5 text-slate-800">
                  {g.findings.map((f) => (
                    <li key={`${f.bucket}:${f.measurement ?? ''}:${f.detail}`}>
                      <span className="font-mono text-xs [overflow-wrap:anywhere]">{f.measurement ? `${f.bucket}/${f.measurement}` : f.bucket}</span>:{' '}
                      {f.detail}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-slate-800">
                  <span className="font-medium">Affects: </span>
                  <span className="font-mono text-xs [overflow-wrap:anywhere]">{g.where.join(', ')}</span>
                </p>
              )}
            </div>
          </details>
        </li>
      ))}
    </ul>
  );
}
