'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { ErrorPanel } from '@/components/error-panel';
import { primaryButton } from '@/components/form-styles';
import { ReadOnlyNote, useCanChange } from '@/components/role-context';
import type { ConsoleError } from '@/lib/errors';
import { sendTestAlert } from '@/lib/actions/send-test-alert';

/** Sends one test alert through the webhook and shows how it went; the deliveries list below gains a row. */
export function TestAlertButton({ configured }: { configured: boolean }) {
  const canChange = useCanChange();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<ConsoleError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  if (!canChange) return <ReadOnlyNote what="the alerts" />;
  return (
    <div className="space-y-3">
      <button
        type="button"
        className={primaryButton}
        disabled={pending || !configured}
        onClick={() =>
          start(async () => {
            setError(null);
            setDone(null);
            const result = await sendTestAlert();
            if (result.ok) setDone(`Delivered: the webhook answered HTTP ${result.data.status} (${result.data.attempts} attempt${result.data.attempts === 1 ? '' : 's'}).`);
            else setError(result.error);
            router.refresh();
          })
        }
      >
        {pending ? 'Sending…' : 'Send test alert'}
      </button>
      {done ? (
        <p className="text-sm text-emerald-700" role="status">
          {done}
        </p>
      ) : null}
      {error ? <ErrorPanel error={error} title="Test alert not delivered" /> : null}
    </div>
  );
}
