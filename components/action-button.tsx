'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition, type ReactNode } from 'react';
import { ErrorPanel } from '@/components/error-panel';
import { primaryButton } from '@/components/form-styles';
import { ProgressSteps } from '@/components/progress-steps';
import { useProgress } from '@/lib/client/use-progress';
import type { ConsoleError } from '@/lib/model/error';
import type { Result } from '@/lib/model/result';

interface ActionButtonProps<T> {
  /** The server action the click runs (with `progress`: handed the ID its steps are reported under). */
  run: (progressId: string | undefined) => Promise<Result<T>>;
  /** Shows the steps the action reports while it runs (useProgress). */
  progress?: boolean;
  label: string;
  pendingLabel: string;
  /** The title of the error panel when the action answers with an error. */
  errorTitle: string;
  /** The status line shown once it worked; without it, `onSuccess` shows the outcome itself. */
  doneText?: (data: T) => string;
  onSuccess?: (data: T) => void;
  disabled?: boolean;
  /** Re-render the server parts of the page afterwards (a list that gains a row). */
  refresh?: boolean;
  className?: string;
  /** Shown under the button, above an error (a hint about what comes next). */
  children?: ReactNode;
}

/** One button that runs a server action, says it is busy, and shows what came of it: a status line or the error. */
export function ActionButton<T>({
  run,
  label,
  pendingLabel,
  errorTitle,
  doneText,
  onSuccess,
  disabled = false,
  refresh = false,
  className = 'space-y-3',
  children,
  progress = false,
}: ActionButtonProps<T>) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const tracked = useProgress(pending && progress);
  const [error, setError] = useState<ConsoleError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  return (
    <div className={className}>
      <button
        type="button"
        className={primaryButton}
        disabled={pending || disabled}
        onClick={() => {
          // The progress ID is set outside the transition: an update inside it shows only when the action is done.
          const progressId = progress ? tracked.next() : undefined;
          start(async () => {
            setError(null);
            setDone(null);
            const result = await run(progressId);
            if (result.ok) {
              if (doneText) setDone(doneText(result.data));
              onSuccess?.(result.data);
            } else setError(result.error);
            if (refresh) router.refresh();
          });
        }}
      >
        {pending ? pendingLabel : label}
      </button>
      {pending ? <ProgressSteps steps={tracked.steps} /> : null}
      {done ? (
        <p className="text-sm text-emerald-700" role="status">
          {done}
        </p>
      ) : null}
      {children}
      {error ? <ErrorPanel error={error} title={errorTitle} /> : null}
    </div>
  );
}
