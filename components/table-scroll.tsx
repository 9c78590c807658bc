import type { ReactNode } from 'react';

/**
 * A wide table scrolls inside its own box, never the page: a named region that takes focus, so
 * keyboard users can scroll it too. `relative` keeps an sr-only header cell (absolutely placed) inside.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className="relative overflow-x-auto rounded focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500"
    >
      {children}
    </div>
  );
}
