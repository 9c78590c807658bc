import type { SamplerStatus } from '@/lib/model/storage';
import { formatUtc } from '@/lib/model/format';

/** "Last sample failed at … : …", while the background /metrics sampler is failing. */
export function SamplerFailure({ status }: { status: SamplerStatus }) {
  if (!status.lastFailure) return null;
  const { at, message } = status.lastFailure;
  return (
    <p role="alert" data-testid="sampler-failure" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
      Last sample failed at {formatUtc(at)}: {message}
      {status.lastSampleAt ? ` (last good sample ${formatUtc(status.lastSampleAt)})` : ' (no sample stored yet)'}. Bytes on disk are not recorded until it
      succeeds again.
    </p>
  );
}
