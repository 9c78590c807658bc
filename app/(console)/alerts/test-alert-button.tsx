'use client';

import { ActionButton } from '@/components/action-button';
import { ReadOnlyNote, useCanChange } from '@/components/role-context';
import { sendTestAlert } from '@/lib/actions/send-test-alert';

/** Sends one test alert through the webhook and shows how it went; the deliveries list below gains a row. */
export function TestAlertButton({ configured }: { configured: boolean }) {
  const canChange = useCanChange();
  if (!canChange) return <ReadOnlyNote what="the alerts" />;
  return (
    <ActionButton
      run={() => sendTestAlert()}
      label="Send test alert"
      pendingLabel="Sending…"
      errorTitle="Test alert not delivered"
      disabled={!configured}
      refresh
      doneText={(d) => `Delivered: the webhook answered HTTP ${d.status} (${d.attempts} attempt${d.attempts === 1 ? '' : 's'}).`}
    />
  );
}
