'use client';

import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';

const FIRST_FIELD = 'input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled])';

/**
 * Focus back on the opener. When the opener is gone, or leaves the page soon after (the row of a
 * deleted bucket, removed once the list refetches), focus goes to the main region, not to nowhere.
 */
function returnFocus(opener: HTMLElement | null): void {
  const toMain = () => document.getElementById('main')?.focus();
  if (!opener?.isConnected) return toMain();
  opener.focus();
  const watch = new MutationObserver(() => {
    if (opener.isConnected) return;
    watch.disconnect();
    if (!document.activeElement || document.activeElement === document.body) toMain();
  });
  watch.observe(document.body, { childList: true, subtree: true });
  setTimeout(() => watch.disconnect(), 5_000);
}

/**
 * A modal on the native <dialog>: showModal() makes the rest of the page inert and keeps Tab inside,
 * Escape anywhere fires `cancel`, the first field takes focus, and the opener gets it back on close.
 * Mounted while open: the parent closes it by unmounting it (onClose).
 */
export function Dialog({ title, onClose, children, wide = false }: { title: string; onClose: () => void; children: ReactNode; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const close = useRef(onClose);
  useLayoutEffect(() => {
    close.current = onClose;
  });
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    (dialog.querySelector<HTMLElement>(FIRST_FIELD) ?? dialog).focus();
    return () => {
      if (dialog.open) dialog.close();
      returnFocus(opener);
    };
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(e) => {
        // The parent unmounts the dialog; the cleanup above closes it and returns focus.
        e.preventDefault();
        close.current();
      }}
      // Chrome may close without a cancel event (a second Escape with no click between): follow it.
      onClose={() => close.current()}
      className={`m-auto w-[calc(100%-2rem)] ${wide ? 'max-w-3xl' : 'max-w-lg'} rounded-xl bg-white p-5 text-slate-900 shadow-xl backdrop:bg-black/40`}
    >
      <div className="mb-4 flex items-start justify-between gap-3">
        <h2 id={titleId} className="text-lg font-semibold break-words [overflow-wrap:anywhere]">
          {title}
        </h2>
        <button type="button" onClick={onClose} className="rounded px-1 text-slate-600 hover:text-slate-900" aria-label="Close">
          ✕
        </button>
      </div>
      {children}
    </dialog>
  );
}
