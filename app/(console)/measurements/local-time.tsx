'use client';

import { useSyncExternalStore } from 'react';

/** The browser's zone does not change while the page is open: nothing to subscribe to. */
const noChanges = () => () => {};

/**
 * A time of day in the browser's zone and locale. The server knows neither: it renders the time in
 * UTC, hydration keeps that, and the browser's own follows at once. Rendering the local time on the
 * server would not match the page as hydrated wherever the zones differ, and React would then throw
 * away the server's HTML and render the whole page again.
 */
export function LocalTime({ iso }: { iso: string }) {
  const inBrowser = useSyncExternalStore(
    noChanges,
    () => true,
    () => false,
  );
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return null;
  return <>{inBrowser ? at.toLocaleTimeString() : `${at.toISOString().slice(11, 19)} UTC`}</>;
}
