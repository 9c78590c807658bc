import type { Metadata } from 'next';
import { Suspense } from 'react';
import { PageTitle } from '@/components/card';
import { BucketsScreen } from './buckets-screen';

export const metadata: Metadata = { title: 'Buckets' };

export default function BucketsPage() {
  return (
    <>
      <PageTitle title="Buckets" subtitle="Every bucket of the organization, all pages. System buckets are managed by InfluxDB." />
      <Suspense fallback={<p className="text-sm text-slate-500">Loading buckets…</p>}>
        <BucketsScreen />
      </Suspense>
    </>
  );
}
