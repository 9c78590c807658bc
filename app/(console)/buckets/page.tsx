import type { Metadata } from 'next';
import { PageTitle } from '@/components/card';
import { BucketsScreen } from './buckets-screen';

export const metadata: Metadata = { title: 'Buckets' };

export default function BucketsPage() {
  return (
    <>
      <PageTitle title="Buckets" subtitle="Every bucket of the organization, all pages. System buckets are managed by InfluxDB." />
      <BucketsScreen />
    </>
  );
}
