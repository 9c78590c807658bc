import type { Metadata } from 'next';
import { readSpec } from '@/lib/use-cases/read-spec';
import { listBuckets } from '@/lib/use-cases/list-buckets';
import { BucketDataScreen } from './bucket-data-screen';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  const buckets = await listBuckets();
  // The screen itself says why a bucket cannot be read; the title only names it when it can.
  const name = buckets.ok ? buckets.data.find((b) => b.id === id)?.name : undefined;
  return { title: name ? `${name} · Buckets` : 'Bucket' };
}

export default async function BucketPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const spec = await readSpec();
  // The spec's measurements per bucket: offered when choosing what to delete or export.
  const measurements = spec.ok ? Object.fromEntries(spec.data.buckets.map((b) => [b.name, b.measurements.map((m) => m.name)])) : {};
  return <BucketDataScreen id={id} specMeasurements={measurements} />;
}
