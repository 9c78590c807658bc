import type { Metadata } from 'next';
import { PageTitle } from '@/components/card';
import { requireConfig } from '@/lib/config';
import { StorageScreen } from './storage-screen';

export const metadata: Metadata = { title: 'Storage' };

export default function StoragePage() {
  const { sampleIntervalMs, dataDir } = requireConfig();
  return (
    <>
      <PageTitle title="Storage" subtitle={`How the AI-5 buckets grow: bytes on disk from InfluxDB's /metrics (sampled every ${sampleIntervalMs / 1000} s into ${dataDir}/console.db), records from the data itself, and where they are heading.`} />
      <StorageScreen />
    </>
  );
}
