'use client';

import type { BucketRow } from '@/lib/model/bucket';

/** Being built. */
export function ImportPanel({ bucket }: { bucket: BucketRow }) {
  return <p className="text-sm text-slate-500">Not built yet for {bucket.name}.</p>;
}
