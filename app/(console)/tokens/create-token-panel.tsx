'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { CopyButton } from '@/components/copy-button';
import { inputClass, primaryButton, secondaryButton } from '@/components/form-styles';
import { ErrorPanel } from '@/components/error-panel';
import { ReadOnlyNote, useCanChange } from '@/components/role-context';
import { createToken } from '@/lib/actions/create-token';
import type { ConsoleError } from '@/lib/errors';
import { describeToken, type TokenRole } from '@/lib/model/token';

/** Creates a writer or reader token and shows its secret once: it lives in this component's state only. */
export function CreateTokenPanel() {
  const canChange = useCanChange();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [description, setDescription] = useState('');
  const [error, setError] = useState<ConsoleError | null>(null);
  const [reveal, setReveal] = useState<{ description: string; can: string; secret: string } | null>(null);
  if (!canChange) return <ReadOnlyNote what="the tokens" />;

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

  if (reveal) {
    const envLine = `INFLUXDB_TOKEN=${reveal.secret}`;
    return (
      <div className="space-y-3" data-testid="token-reveal">
        <p className="text-sm">
          Created <strong>{reveal.description}</strong>: {reveal.can}. Copy the secret now: it is shown this once and never again.
        </p>
        <div className="flex items-center gap-2 rounded-md bg-slate-900 p-3 font-mono text-xs text-emerald-200">
          <span className="break-all" data-testid="token-secret">
            {reveal.secret}
          </span>
          <CopyButton text={reveal.secret} />
        </div>
        <div className="flex items-center gap-2 rounded-md bg-slate-100 p-3 font-mono text-xs">
          <span className="break-all">{envLine}</span>
          <CopyButton text={envLine} label="Copy .env line" />
        </div>
        <button type="button" className={secondaryButton} onClick={() => setReveal(null)}>
          Done, I stored it
        </button>
      </div>
    );
  }

  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">A writer can write every spec bucket (HomeIQ&apos;s PatternAggregateClient); a reader can read them (dashboards, detectors). Nothing else.</p>
      <div className="flex flex-wrap items-center gap-2">
        <input value={description} onChange={(e) => setDescription(e.target.value)} placeholder="Description (default ai5-writer / ai5-reader)" className={`${inputClass} w-80`} aria-label="Description" maxLength={255} />
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
