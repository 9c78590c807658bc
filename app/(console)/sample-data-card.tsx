'use client';

import Link from 'next/link';
import { useState } from 'react';
import { Card } from '@/components/card';
import { formatCount } from '@/lib/model/format';
import { useStats } from '@/lib/client/use-stats';
import { LoadSampleButton } from './load-sample-button';

/** On an empty console: one click to realistic data, so every chart has something to show. */
export function SampleDataCard() {
  const { data } = useStats();
  const [loaded, setLoaded] = useState(false);
  const records = data?.reduce((n, b) => n + b.records, 0) ?? null;
  if (!loaded && (records === null || records > 0)) return null;
  // Heading and text follow the counts: "loaded" only once they show records.
  const holding = records !== null && records > 0;
  return (
    <Card title={holding ? 'Sample data loaded' : loaded ? 'Sample data written' : 'No aggregates yet'}>
      <p className="mb-3 text-sm text-slate-600" data-testid="sample-data-text">
        {holding
          ? `The AI-5 buckets now hold ${formatCount(records)} records: 90 days of daily aggregates and 52 weeks of weekly and monthly ones for 10 devices.`
          : loaded
            ? 'The sample points are written; the record counts catch up within a few seconds.'
            : 'The buckets exist but hold no data. HomeIQ fills them as its detectors run; to explore the console now, load realistic sample aggregates: 90 days of daily ones and 52 weeks of weekly and monthly ones for 10 devices.'}
      </p>
      <LoadSampleButton onLoaded={() => setLoaded(true)} />
      {loaded ? (
        <Link href="/measurements" className="mt-2 inline-block text-sm font-medium text-indigo-700 underline">
          See the charts on Measurements →
        </Link>
      ) : null}
    </Card>
  );
}
