'use client';

import Link from 'next/link';
import { useCanChange } from './role-context';

/**
 * The one state a screen shows when its queries fail only because the spec's buckets do not exist
 * yet: a first run, not a failure, so no red panels and no request IDs.
 */
export function NotProvisioned({
  missing,
  total,
  specName,
  heading: Heading = 'h2',
}: {
  missing?: number;
  total?: number;
  specName?: string;
  heading?: 'h2' | 'h3';
}) {
  const canChange = useCanChange();
  const some = missing !== undefined && total !== undefined && missing < total;
  return (
    <section
      aria-labelledby="not-provisioned-title"
      className="rounded-xl border border-dashed border-indigo-300 bg-indigo-50 p-5 text-sm"
      data-testid="not-provisioned"
    >
      <Heading id="not-provisioned-title" className="font-semibold text-slate-900">
        {some ? `${missing} of ${total} buckets not provisioned yet` : 'Nothing provisioned yet'}
      </Heading>
      <p className="mt-1 text-slate-700">
        {some ? 'Some of the' : 'The'} {specName ? `${specName} ` : ''}buckets this console manages do not exist on this InfluxDB yet. There is nothing to
        count, chart or explain until they do.
      </p>
      {canChange ? (
        <p className="mt-3">
          <Link href="/provision" className="inline-block rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700">
            Open Provision →
          </Link>
        </p>
      ) : (
        <p className="mt-2 text-slate-700" data-testid="not-provisioned-viewer">
          An admin must provision them first: you are signed in as a viewer.
        </p>
      )}
    </section>
  );
}
