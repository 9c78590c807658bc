import { PageTitle } from '@/components/card';
import { MeasurementsScreen } from './measurements-screen';

export default function MeasurementsPage() {
  return (
    <>
      <PageTitle title="Measurements" subtitle="Records (points, not field values), series cardinality and tag sets per measurement, against the seed's estimates." />
      <MeasurementsScreen />
    </>
  );
}
