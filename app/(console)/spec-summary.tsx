import { Card } from '@/components/card';
import { ErrorPanel } from '@/components/error-panel';
import { readSpec } from '@/lib/use-cases/read-spec';
import { SpecBuckets, type SpecBucketSummary } from './spec-buckets';

/** The active spec's buckets next to what exists; the spec is read on the server. */
export async function SpecSummary() {
  const spec = await readSpec();
  if (!spec.ok) return <ErrorPanel error={spec.error} />;
  const buckets: SpecBucketSummary[] = spec.data.buckets.map((b) => ({
    name: b.name,
    retentionSeconds: b.retention,
    description: b.description,
    estimatedRecords: b.estimatedRecords,
    measurements: b.measurements.map((m) => ({ name: m.name, detector: m.detector })),
  }));
  return (
    <Card title={`${spec.data.name} buckets (org ${spec.data.org})`}>
      <SpecBuckets specName={spec.data.name} buckets={buckets} />
    </Card>
  );
}
