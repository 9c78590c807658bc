'use client';

import Link from 'next/link';
import { useState } from 'react';
import { Badge } from '@/components/badge';
import { Card } from '@/components/card';
import { ErrorPanel } from '@/components/error-panel';
import { errorDetail, isBucketMissing } from '@/lib/client/fetch-result';
import { detectorWarnings, FRESHNESS_KINDS } from '@/lib/client/insights-view';
import { FindingGroups } from '@/components/finding-groups';
import { useInsights } from '@/lib/client/use-insights';

/** The Overview's open findings: a detector gone silent first, by name, then the rest grouped by kind. */
export function FindingsCard() {
  const { data, error, isPending } = useInsights();
  const [now] = useState(() => Date.now());
  const warnings = data ? detectorWarnings(data, now) : [];
  const others = data ? data.findings.filter((f) => !FRESHNESS_KINDS.includes(f.kind)) : [];
  const total = data ? data.findings.length : 0;
  // Before provisioning there is nothing to find: the spec's tiles say so once, above.
  if (isBucketMissing(error)) return null;
  return (
    <Card
      title="Open findings"
      actions={data ? <Badge tone={warnings.length ? 'red' : total ? 'amber' : 'green'}>{total ? `${total} open` : 'none'}</Badge> : null}
    >
      {isPending ? <p className="text-sm text-slate-500">Looking at series, tags and last writes…</p> : null}
      {error ? <ErrorPanel error={errorDetail(error)} title="Insights unavailable" /> : null}
      {data ? (
        <div className="space-y-3 text-sm">
          {warnings.length ? (
            <ul role="alert" className="space-y-2 rounded-lg border border-red-200 bg-red-50 p-3" data-testid="silent-detector-warnings">
              {warnings.map((w) => (
                <li key={w.key} data-testid="silent-detector-warning">
                  <p className="font-semibold text-red-800">{w.text}.</p>
                  <p className="text-xs text-red-900">
                    <span className="font-mono">
                      {w.bucket}/{w.measurement}
                    </span>{' '}
                    · {w.fix}
                  </p>
                </li>
              ))}
            </ul>
          ) : null}
          <FindingGroups findings={others} show="places" testId="overview-findings" />
          {total === 0 ? (
            <p className="text-slate-500">No open findings: every detector writes on time, series stay bounded and no write was rejected.</p>
          ) : null}
          <Link href="/insights" className="font-medium text-indigo-700 underline">
            Open Insights →
          </Link>
        </div>
      ) : null}
    </Card>
  );
}
