import type { Metadata } from 'next';
import { Suspense } from 'react';
import { PageTitle } from '@/components/card';
import { cachedStats } from '@/lib/use-cases/cached-stats';
import { MeasurementsScreen } from './measurements-screen';

export const metadata: Metadata = { title: 'Measurements' };

export default async function MeasurementsPage() {
  // From the warm cache when there is one, so the screen paints with data; never waits for a count.
  const cached = await cachedStats();
  const initial = cached.ok ? cached.data : null;
  return (
    <>
      <PageTitle
        title="Measurements"
        subtitle="Records (points, not field values), series cardinality and tag sets per measurement, against the seed's estimates."
      />
      <Suspense>
        <MeasurementsScreen initial={initial ?? undefined} />
      </Suspense>
    </>
  );
}
