import type { Metadata } from 'next';
import { Suspense } from 'react';
import { PageTitle } from '@/components/card';
import { ConnectionCard } from './connection-card';
import { ConsoleTokenCard } from './console-token-card';
import { FindingsCard } from './findings-card';
import { LastVerifyCard } from './last-verify-card';
import { SampleDataCard } from './sample-data-card';
import { StorageWarningsCard } from './storage-warnings-card';
import { SpecSummary } from './spec-summary';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Overview' };

export default function OverviewPage() {
  return (
    <>
      <PageTitle title="Overview" subtitle="The InfluxDB 2.x server that stores HomeIQ's pattern aggregates, and the AI-5 buckets it should hold." />
      <div className="space-y-5">
        <ConnectionCard />
        {/* Streamed: an InfluxDB that is slow or down never holds the Overview back. */}
        <Suspense fallback={null}>
          <ConsoleTokenCard />
        </Suspense>
        <SampleDataCard />
        <SpecSummary />
        <FindingsCard />
        <StorageWarningsCard />
        <LastVerifyCard />
      </div>
    </>
  );
}
