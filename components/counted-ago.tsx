'use client';

import { RelativeTime } from './relative-time';

/** "counted 12 s ago": how old the figures on a screen are, ticking while it is open; the exact UTC time on hover and focus. */
export function CountedAgo({ at, label = 'counted', testId }: { at: string | number | undefined; label?: string; testId?: string }) {
  return (
    <span className="text-xs text-slate-500" data-testid={testId}>
      {label} <RelativeTime at={at} />
    </span>
  );
}
