'use client';

import { createElement, useSyncExternalStore, type ComponentType, type ReactNode } from 'react';

/**
 * A chart component loaded as its own chunk: recharts stays out of the page's first scripts (at
 * most 1.6× an empty page on chart routes, the bench's goal). Not next/dynamic: its Suspense
 * fallback makes React hold the chart back for 300 ms once it is ready (its throttle on revealing
 * a boundary), and its fetch starts only when the component renders. Here the fetch starts as soon
 * as the calling module runs in the browser, before hydration, and the chart shows the moment both
 * are done. The server, and hydration, render `placeholder` (given the props: boxes as many as the charts).
 */
export function lazyChart<P extends object>(
  load: () => Promise<{ default: ComponentType<P> }>,
  placeholder: ReactNode | ((props: P) => ReactNode),
): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<unknown> | null = null;
  const waiting = new Set<() => void>();
  const start = () => {
    loading ??= load().then((m) => {
      loaded = m.default;
      for (const wake of waiting) wake();
    });
  };
  const subscribe = (wake: () => void) => {
    waiting.add(wake);
    start();
    return () => waiting.delete(wake);
  };
  if (typeof window !== 'undefined') start();
  function LazyChart(props: P) {
    const chart = useSyncExternalStore(
      subscribe,
      () => loaded,
      () => null,
    );
    if (chart) return createElement(chart, props);
    return typeof placeholder === 'function' ? placeholder(props) : placeholder;
  }
  return LazyChart;
}

/** Boxes the size of the charts (`count` of them), while recharts loads. */
export function ChartsPlaceholder({ count }: { count: number }) {
  return (
    <div className="grid gap-4 lg:grid-cols-2" aria-busy="true">
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className="rounded-lg border border-slate-200 bg-white p-3">
          <p className="mb-2 text-xs text-slate-600">{i === 0 ? 'Drawing charts…' : '\u00a0'}</p>
          <div className="h-56" />
        </div>
      ))}
    </div>
  );
}
