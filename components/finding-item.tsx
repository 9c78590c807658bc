import { KIND_TITLES } from '@/lib/client/insights-view';
import type { Finding } from '@/lib/model/insights';
import { CopyButton } from './copy-button';

const WRITER_CHANGE = new Set<Finding['kind']>(['time-tag', 'write-time-stamps', 'week-label', 'clock-offset']);

/** One finding: what was found with its numbers, and the change to make (copyable). */
export function FindingItem({ finding, showWhere = true }: { finding: Finding; showWhere?: boolean }) {
  const writer = WRITER_CHANGE.has(finding.kind);
  return (
    <li
      className="rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm"
      data-testid={`finding-${finding.kind}${finding.measurement ? `-${finding.measurement}` : ''}`}
      data-kind={finding.kind}
    >
      <p className="font-semibold break-words text-amber-900">
        {KIND_TITLES[finding.kind]}
        {showWhere ? (
          <span className="font-mono font-normal [overflow-wrap:anywhere] text-amber-800">
            {' '}
            · {finding.bucket}
            {finding.measurement ? `/${finding.measurement}` : ''}
          </span>
        ) : null}
      </p>
      <p className="mt-1 text-slate-800">{finding.detail}</p>
      <div className="mt-2 flex flex-wrap items-start gap-2">
        <div className="min-w-48 flex-1">
          <p className="text-xs font-medium text-slate-500">{writer ? 'The change to HomeIQ’s writer' : 'Fix'}</p>
          {writer ? (
            <pre
              className="mt-0.5 whitespace-pre-wrap break-words rounded bg-white p-2 font-mono text-xs text-slate-900 ring-1 ring-amber-200"
              data-testid="writer-change"
            >
              {finding.fix}
            </pre>
          ) : (
            <p className="text-slate-800">{finding.fix}</p>
          )}
        </div>
        <CopyButton text={finding.fix} label={writer ? 'Copy change' : 'Copy fix'} />
      </div>
    </li>
  );
}
