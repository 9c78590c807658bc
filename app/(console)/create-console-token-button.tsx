'use client';

import { useState, useTransition } from 'react';
import { ErrorPanel } from '@/components/error-panel';
import { primaryButton } from '@/components/form-styles';
import { useCanChange } from '@/components/role-context';
import { SecretReveal } from '@/components/secret-reveal';
import { createConsoleToken } from '@/lib/actions/create-console-token';
import type { ConsoleError } from '@/lib/errors';
import { describeToken } from '@/lib/model/token';

/** Creates the scoped console token and shows its secret once, with the `.env` line to restart with. */
export function CreateConsoleTokenButton({ recommended }: { recommended: string }) {
  const canChange = useCanChange();
  const [pending, start] = useTransition();
  const [error, setError] = useState<ConsoleError | null>(null);
  const [reveal, setReveal] = useState<{ description: string; can: string; secret: string } | null>(null);
  if (!canChange) return <p className="text-xs">Only the admin can create it: viewers see this notice and the tokens, never a way to create or change one.</p>;
  if (reveal) return <SecretReveal {...reveal} onDone={() => setReveal(null)} />;
  return (
    <div className="space-y-2">
      <button
        type="button"
        className={primaryButton}
        disabled={pending}
        onClick={() =>
          start(async () => {
            setError(null);
            const result = await createConsoleToken(undefined);
            if (result.ok) setReveal({ description: result.data.token.description, can: describeToken(result.data.token), secret: result.data.secret });
            else setError(result.error);
          })
        }
      >
        {pending ? 'Creating…' : `Create the ${recommended} token`}
      </button>
      <p className="text-xs">Then set the console&apos;s INFLUXDB_TOKEN to it and restart the console.</p>
      {error ? <ErrorPanel error={error} title="Token not created" /> : null}
    </div>
  );
}
