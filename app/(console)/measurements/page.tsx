import { PageTitle } from '@/components/card';
import { readStats } from '@/lib/stats/stats-commands';
import { MeasurementsScreen } from './measurements-screen';

export default async function MeasurementsPage() {
  // Counted on the server (from the warm cache when there is one): the screen paints with data.
  const initial = await readStats();
  return (
    <>
      <PageTitle title="Measurements" subtitle="Records (points, not field values), series cardinality and tag sets per measurement, against the seed's estimates." />
      <MeasurementsScreen initial={initial.ok ? initial.data : undefined} />
    </>
  );
}
