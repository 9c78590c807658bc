'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import type { z } from 'zod';
import { readQuery } from '../model/url-state';

/**
 * A screen's state kept in its URL, read through its zod schema (bad values fall back to the
 * defaults). `set` pushes a history entry (a sort, a page: Back returns to it) or, for each key
 * typed into a search box, replaces the current one. Values equal to the default leave the URL.
 * Next keeps useSearchParams in step with the native history API: no server round trip.
 */
export function useUrlState<T extends z.ZodObject>(
  schema: T,
): [z.infer<T>, (patch: Partial<Record<keyof z.infer<T> & string, string | number>>, mode?: 'push' | 'replace') => void] {
  const params = useSearchParams();
  const pathname = usePathname();
  const value = useMemo(() => readQuery(schema, params), [schema, params]);
  const set = useCallback(
    (patch: Partial<Record<string, string | number>>, mode: 'push' | 'replace' = 'push') => {
      const defaults = readQuery(schema, new URLSearchParams()) as Record<string, unknown>;
      const next = new URLSearchParams(window.location.search);
      for (const [key, v] of Object.entries(patch)) {
        if (v === undefined || v === '' || v === defaults[key]) next.delete(key);
        else next.set(key, String(v));
      }
      const search = next.toString();
      const url = `${pathname}${search ? `?${search}` : ''}`;
      if (mode === 'push') window.history.pushState(null, '', url);
      else window.history.replaceState(null, '', url);
    },
    [schema, pathname],
  );
  return [value, set];
}
