import type { Metadata } from 'next';
import { PageTitle } from '@/components/card';
import { InsightsScreen } from './insights-screen';

export const metadata: Metadata = { title: 'Insights' };

export default function InsightsPage() {
  return (
    <>
      <PageTitle title="Insights" subtitle="Why the AI-5 buckets grow, which detector went silent, and the one-line change to HomeIQ's writer that fixes it." />
      <InsightsScreen />
    </>
  );
}
