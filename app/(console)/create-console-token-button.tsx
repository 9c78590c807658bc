'use client';

import { useState } from 'react';
import { ActionButton } from '@/components/action-button';
import { useCanChange } from '@/components/role-context';
import { SecretReveal } from '@/components/secret-reveal';
import { createConsoleToken } from '@/lib/actions/create-console-token';
import { describeToken } from '@/lib/model/token';

/** Creates the scoped console token and shows its secret once, with the `.env` line to restart with. */
export function CreateConsoleTokenButton({ recommended }: { recommended: string }) {
  const canChange = useCanChange();
  const [reveal, setReveal] = useState<{ description: string; can: string; secret: string } | null>(null);
  if (!canChange) return <p className="text-xs">Only the admin can create it: viewers see this notice and the tokens, never a way to create or change one.</p>;
  if (reveal) return <SecretReveal {...reveal} onDone={() => setReveal(null)} />;
  return (
    <ActionButton
      run={() => createConsoleToken(undefined)}
      label={`Create the ${recommended} token`}
      pendingLabel="Creating…"
      errorTitle="Token not created"
      className="space-y-2"
      onSuccess={(d) => setReveal({ description: d.token.description, can: describeToken(d.token), secret: d.secret })}
    >
      <p className="text-xs">Then set the console&apos;s INFLUXDB_TOKEN to it and restart the console.</p>
    </ActionButton>
  );
}
