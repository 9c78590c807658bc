'use client';

import { useEffect, useState } from 'react';

/** "counted 12 s ago": how old the figures on a screen are, ticking while it is open. */
export function CountedAgo({ at, label = 'counted', testId }: { at: string | number | undefined; label?: string; testId?: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  const ms = typeof at === 'number' ? at : at ? Date.parse(at) : Number.NaN;
  if (!Number.isFinite(ms)) return null;
  const seconds = Math.max(0, Math.round((now - ms) / 1000));
  const text = seconds < 90 ? `${seconds} s` : seconds < 5400 ? `${Math.round(seconds / 60)} min` : `${Math.round(seconds / 3600)} h`;
  // The server's clock renders the first text, the browser's the next: a second apart is not a hydration error.
  return (
    <span className="text-xs text-slate-500" data-testid={testId} title={new Date(ms).toISOString()} suppressHydrationWarning>
      {label} {text} ago
    </span>
  );
}
