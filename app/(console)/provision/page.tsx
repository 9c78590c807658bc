import type { Metadata } from 'next';
import { PageTitle } from '@/components/card';
import { ProvisionScreen } from './provision-screen';

export const metadata: Metadata = { title: 'Provision' };

export default function ProvisionPage() {
  return (
    <>
      <PageTitle title="Provision" subtitle="Bring the organization to the spec: the plan first, then one click. Safe to run again at any time." />
      <ProvisionScreen />
    </>
  );
}
