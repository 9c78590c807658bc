import type { Metadata } from 'next';
import { PageTitle } from '@/components/card';
import { ErrorPanel } from '@/components/error-panel';
import { activeSpec } from '@/lib/spec/load';
import { loadLastReport } from '@/lib/verify/last-report';
import { suiteOutline } from '@/lib/verify/run';
import { VerifyScreen } from './verify-screen';

export const metadata: Metadata = { title: 'Verify' };

export default function VerifyPage() {
  const spec = activeSpec();
  return (
    <>
      <PageTitle
        title="Verify"
        subtitle="The seed's checks, and more: is the AI-5 storage ready, and if not, what to do. The write check writes one probe point and deletes it."
      />
      {spec.ok ? <VerifyScreen outline={suiteOutline(spec.data)} initial={loadLastReport()} /> : <ErrorPanel error={spec.error} />}
    </>
  );
}
