import { activeSpec } from '@/lib/spec/load';
import { BucketDataScreen } from './bucket-data-screen';

export const dynamic = 'force-dynamic';

export default async function BucketPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const spec = activeSpec();
  // The spec's measurements per bucket: offered when choosing what to delete or export.
  const measurements = spec.ok ? Object.fromEntries(spec.data.buckets.map((b) => [b.name, b.measurements.map((m) => m.name)])) : {};
  return <BucketDataScreen id={id} specMeasurements={measurements} />;
}
