import type { SamplerStatus } from '@/lib/storage/sampler-status';

/** "Last sample failed at … : …", while the background /metrics sampler is failing. */
export function SamplerFailure({ status }: { status: SamplerStatus }) {
  if (!status.lastFailure) return null;
  const { at, message } = status.lastFailure;
  return (
    <p role="alert" data-testid="sampler-failure" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
      Last sample failed at {new Date(at).toLocaleString('en-GB', { timeZone: 'UTC' })} UTC: {message}
      {status.lastSampleAt ? ` (last good sample ${new Date(status.lastSampleAt).toLocaleString('en-GB', { timeZone: 'UTC' })} UTC)` : ' (no sample stored yet)'}. Bytes on disk are not recorded until it succeeds again.
    </p>
  );
}
