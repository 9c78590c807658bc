'use client';

import Link from 'next/link';
import { Badge } from '@/components/badge';
import { Card } from '@/components/card';
import { ErrorPanel } from '@/components/error-panel';
import { errorDetail } from '@/lib/client/fetch-result';
import { useLastVerify } from '@/lib/client/use-last-verify';
import { summaryLine } from '@/lib/model/verify-report';
import { RelativeTime } from '@/components/relative-time';

export function LastVerifyCard() {
  const { data, error, isPending } = useLastVerify();
  const problems = data?.checks.filter((c) => c.status === 'fail' || c.status === 'warn') ?? [];
  return (
    <Card
      title="Last verification"
      actions={data ? <Badge tone={data.ok ? (data.counts.warn ? 'amber' : 'green') : 'red'}>{data.ok ? 'ready' : 'not ready'}</Badge> : null}
    >
      {isPending ? <p className="text-sm text-slate-500">Reading the last verification…</p> : null}
      {error ? <ErrorPanel error={errorDetail(error)} /> : null}
      {data ? (
        <div className="space-y-2 text-sm" data-testid="last-verify">
          <p>
            {summaryLine(data.checks)}{' '}
            <span className="text-slate-500">
              Run <RelativeTime at={data.startedAt} />.
            </span>
          </p>
          {problems.length ? (
            <ul className="list-disc pl-5 text-slate-700">
              {problems.slice(0, 5).map((c) => (
                <li key={c.id}>
                  <span className={c.status === 'fail' ? 'text-red-700' : 'text-amber-700'}>{c.status}</span> {c.title}:{' '}
                  {c.grouped ? `${c.grouped.lead} Details on Verify.` : c.detail}
                </li>
              ))}
            </ul>
          ) : null}
          <Link href="/verify" className="font-medium text-indigo-700 underline">
            Open Verify →
          </Link>
        </div>
      ) : data === null ? (
        <p className="text-sm text-slate-500">
          No verification has run yet.{' '}
          <Link href="/verify" className="font-medium text-indigo-700 underline">
            Run the checks →
          </Link>
        </p>
      ) : null}
    </Card>
  );
}
