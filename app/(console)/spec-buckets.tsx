'use client';

import Link from 'next/link';
import { Badge } from '@/components/badge';
import { ErrorPanel } from '@/components/error-panel';
import { errorDetail } from '@/lib/client/fetch-result';
import { useBuckets } from '@/lib/client/use-buckets';
import { formatRetention } from '@/lib/model/retention';

export interface SpecBucketSummary {
  name: string;
  retentionSeconds: number;
  description: string;
  estimatedRecords: number;
  measurements: { name: string; detector: string }[];
}

export function SpecBuckets({ specName, buckets }: { specName: string; buckets: SpecBucketSummary[] }) {
  const { data, error } = useBuckets();
  const missing = data ? buckets.filter((b) => !data.some((x) => x.name === b.name)).length : 0;
  return (
    <div className="space-y-4">
      {error ? <ErrorPanel error={errorDetail(error)} /> : null}
      <div className="grid gap-4 md:grid-cols-2">
        {buckets.map((b) => {
          const actual = data?.find((x) => x.name === b.name);
          const matches = actual && actual.retentionSeconds === b.retentionSeconds;
          return (
            <div key={b.name} className="rounded-lg border border-slate-200 p-4" data-testid={`spec-bucket-${b.name}`}>
              <div className="flex items-center justify-between gap-2">
                <p className="font-mono text-sm font-semibold">{b.name}</p>
                {data ? (
                  actual ? (
                    <Badge tone={matches ? 'green' : 'amber'}>{matches ? `exists · ${actual.retentionText}` : `retention ${actual.retentionText}, spec ${formatRetention(b.retentionSeconds)}`}</Badge>
                  ) : (
                    <Badge tone="red">missing</Badge>
                  )
                ) : null}
              </div>
              <p className="mt-1 text-xs text-slate-500">
                {b.description} · retention {formatRetention(b.retentionSeconds)} · ~{b.estimatedRecords.toLocaleString('en-US')} records expected
              </p>
              <ul className="mt-2 grid grid-cols-1 gap-0.5 text-xs sm:grid-cols-2">
                {b.measurements.map((m) => (
                  <li key={m.name}>
                    <span className="font-mono">{m.name}</span> <span className="text-slate-400">{m.detector}</span>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </div>
      {missing > 0 ? (
        <p className="text-sm">
          {missing} of {buckets.length} buckets missing.{' '}
          <Link href="/provision" className="font-medium text-indigo-700 underline">
            Provision {specName} buckets →
          </Link>
        </p>
      ) : null}
    </div>
  );
}
