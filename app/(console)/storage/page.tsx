import type { Metadata } from 'next';
import { Suspense } from 'react';
import { PageTitle } from '@/components/card';
import { requireConfig } from '@/lib/config';
import { StorageScreen } from './storage-screen';

export const metadata: Metadata = { title: 'Storage' };

export default function StoragePage() {
  const { sampleIntervalMs } = requireConfig();
  return (
    <>
      <PageTitle
        title="Storage"
        subtitle={`How the AI-5 buckets grow: bytes on disk from InfluxDB's /metrics (sampled every ${sampleIntervalMs / 1000} s into the console's database), records from the data itself, and where they are heading.`}
      />
      <Suspense>
        <StorageScreen />
      </Suspense>
    </>
  );
}
