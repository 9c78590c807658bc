import type { Metadata } from 'next';
import { PageTitle } from '@/components/card';
import { ErrorPanel } from '@/components/error-panel';
import { readVerifyScreen } from '@/lib/use-cases/read-verify-screen';
import { VerifyScreen } from './verify-screen';

export const metadata: Metadata = { title: 'Verify' };

export default async function VerifyPage() {
  const screen = await readVerifyScreen();
  return (
    <>
      <PageTitle
        title="Verify"
        subtitle="The seed's checks, and more: is the AI-5 storage ready, and if not, what to do. The write check writes one probe point and deletes it."
      />
      {screen.ok ? <VerifyScreen outline={screen.data.outline} initial={screen.data.last} /> : <ErrorPanel error={screen.error} />}
    </>
  );
}
