import type { Metadata } from 'next';
import { Suspense } from 'react';
import Link from 'next/link';
import { PageTitle } from '@/components/card';
import { MeasurementScreen } from './measurement-screen';

export const dynamic = 'force-dynamic';

/** Next hands a dynamic segment over percent-encoded when it holds reserved characters: decode once. */
function segment(raw: string): string {
  return /%[0-9A-Fa-f]{2}/.test(raw) ? decodeURIComponent(raw) : raw;
}

type Params = { params: Promise<{ bucket: string; measurement: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const p = await params;
  return { title: `${segment(p.measurement)} in ${segment(p.bucket)} · Measurements` };
}

export default async function MeasurementPage({ params }: Params) {
  const p = await params;
  const bucket = segment(p.bucket);
  const measurement = segment(p.measurement);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/measurements" className="text-indigo-700 underline">
          ← Measurements
        </Link>
      </p>
      <PageTitle
        title={measurement}
        subtitle={`In ${bucket}: records per day and per tag value, the latest points as stored, and what the insights say about it.`}
      />
      <Suspense>
        <MeasurementScreen bucket={bucket} measurement={measurement} />
      </Suspense>
    </>
  );
}
