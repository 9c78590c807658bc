'use client';

import Link from 'next/link';
import { Card } from '@/components/card';
import { SamplerFailure } from '@/components/sampler-failure';
import { useStorage } from '@/lib/client/use-storage';

/** The Storage screen's warnings and a failing sampler, on the Overview too. */
export function StorageWarningsCard() {
  const { data } = useStorage('24h');
  if (!data || (data.warnings.length === 0 && !data.sampler.lastFailure)) return null;
  return (
    <Card title="Storage warnings">
      <SamplerFailure status={data.sampler} />
      <ul className="list-disc pl-5 text-sm text-amber-900" data-testid="overview-storage-warnings">
        {data.warnings.map((w) => (
          <li key={w.bucket + w.message}>
            <span className="font-mono">{w.bucket}</span>: {w.message}
          </li>
        ))}
      </ul>
      <Link href="/storage" className="mt-2 inline-block text-sm font-medium text-indigo-700 underline">
        Open Storage →
      </Link>
    </Card>
  );
}
