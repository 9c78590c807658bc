'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { inputClass, primaryButton, secondaryButton } from '@/components/form-styles';
import { SecretReveal } from '@/components/secret-reveal';
import { ErrorPanel } from '@/components/error-panel';
import { useCanChange } from '@/components/role-context';
import { createToken } from '@/lib/actions/create-token';
import type { ConsoleError } from '@/lib/model/error';
import { describeToken, type TokenRole } from '@/lib/model/token';
import { ViewerTokenNote } from './viewer-token-note';

/** Creates a writer or reader token and shows its secret once: it lives in this component's state only. */
export function CreateTokenPanel() {
  const canChange = useCanChange();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [description, setDescription] = useState('');
  const [error, setError] = useState<ConsoleError | null>(null);
  const [reveal, setReveal] = useState<{ description: string; can: string; secret: string } | null>(null);
  if (!canChange) return <ViewerTokenNote />;

  const create = (role: TokenRole) =>
    start(async () => {
      setError(null);
      setReveal(null);
      const result = await createToken({ role, ...(description.trim() ? { description: description.trim() } : {}) });
      if (result.ok) {
        setReveal({ description: result.data.token.description, can: describeToken(result.data.token), secret: result.data.secret });
        setDescription('');
      } else setError(result.error);
      router.refresh();
    });

  if (reveal) return <SecretReveal {...reveal} onDone={() => setReveal(null)} />;

  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">
        A writer can write every spec bucket (HomeIQ&apos;s PatternAggregateClient); a reader can read them (dashboards, detectors). Nothing else.
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <input
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          placeholder="Description (default ai5-writer / ai5-reader)"
          className={`${inputClass} w-80`}
          aria-label="Description"
          maxLength={255}
        />
        <button type="button" className={primaryButton} disabled={pending} onClick={() => create('writer')}>
          Create writer
        </button>
        <button type="button" className={secondaryButton} disabled={pending} onClick={() => create('reader')}>
          Create reader
        </button>
      </div>
      {error ? <ErrorPanel error={error} title="Token not created" /> : null}
    </div>
  );
}
