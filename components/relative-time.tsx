'use client';

import { useEffect, useId, useState } from 'react';
import { formatAgo, formatUtc } from '@/lib/model/format';

/**
 * "3 min ago" in a <time> whose exact UTC instant shows on hover and on keyboard focus (a visible
 * tip, not only a title: keyboard and touch users never see a title), and is its accessible
 * description. Ticks every second while the page is open. `text` words it otherwise (coarser).
 */
export function RelativeTime({
  at,
  text,
  prefix = '',
  testId,
  className = '',
}: {
  at: string | number | null | undefined;
  text?: string;
  prefix?: string;
  testId?: string;
  className?: string;
}) {
  const [now, setNow] = useState(() => Date.now());
  const tipId = useId();
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  const ms = typeof at === 'number' ? at : at ? Date.parse(at) : Number.NaN;
  if (!Number.isFinite(ms)) return null;
  const exact = formatUtc(ms);
  // The server's clock renders the first text, the browser's the next: a second apart is not a hydration error.
  return (
    <time
      dateTime={new Date(ms).toISOString()}
      tabIndex={0}
      title={exact}
      aria-describedby={tipId}
      data-testid={testId}
      className={`group relative whitespace-nowrap underline decoration-dotted underline-offset-2 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 ${className}`}
      suppressHydrationWarning
    >
      {prefix}
      {text ?? formatAgo(ms, now)}
      <span
        id={tipId}
        role="tooltip"
        className="pointer-events-none absolute top-full left-0 z-20 mt-1 hidden rounded border border-slate-300 bg-white px-2 py-1 text-xs whitespace-nowrap text-slate-900 no-underline shadow group-hover:block group-focus:block"
      >
        {exact}
      </span>
    </time>
  );
}
