import type { Metadata } from 'next';
import { PageTitle } from '@/components/card';
import { ConnectionCard } from './connection-card';
import { FindingsCard } from './findings-card';
import { LastVerifyCard } from './last-verify-card';
import { SampleDataCard } from './sample-data-card';
import { StorageWarningsCard } from './storage-warnings-card';
import { SpecSummary } from './spec-summary';

export const metadata: Metadata = { title: 'Overview' };

export default function OverviewPage() {
  return (
    <>
      <PageTitle title="Overview" subtitle="The InfluxDB 2.x server that stores HomeIQ's pattern aggregates, and the AI-5 buckets it should hold." />
      <div className="space-y-5">
        <ConnectionCard />
        <SampleDataCard />
        <SpecSummary />
        <FindingsCard />
        <StorageWarningsCard />
        <LastVerifyCard />
      </div>
    </>
  );
}
