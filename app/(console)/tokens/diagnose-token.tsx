'use client';

import { useState, useTransition } from 'react';
import { ErrorPanel } from '@/components/error-panel';
import { inputClass, primaryButton } from '@/components/form-styles';
import type { ConsoleError } from '@/lib/model/error';
import type { TokenCheck } from '@/lib/model/token';
import type { Result } from '@/lib/model/result';

type Diagnosis = Omit<TokenCheck, 'method'>;

/**
 * Diagnose a token: the pasted value goes to the server in one request and is cleared from the
 * field at once; the answer never carries it. Anyone signed in may diagnose.
 */
export function DiagnoseToken() {
  const [value, setValue] = useState('');
  const [pending, start] = useTransition();
  const [answer, setAnswer] = useState<Diagnosis | null>(null);
  const [error, setError] = useState<ConsoleError | null>(null);
  const submit = () => {
    const token = value;
    setValue('');
    start(async () => {
      setError(null);
      setAnswer(null);
      try {
        const res = await fetch('/api/tokens/check', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ token }),
          cache: 'no-store',
        });
        const body = (await res.json()) as Result<Diagnosis>;
        if (body.ok) setAnswer(body.data);
        else setError(body.error);
      } catch {
        setError({ code: 'unreachable', message: 'The console server did not answer.', fix: 'Retry in a moment.' });
      }
    });
  };
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">
        Paste a token to see whether it is valid and active, its organization, and whether it can read and write each spec bucket. It is sent once, never kept,
        logged or shown back.
      </p>
      <form
        className="flex flex-wrap items-center gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <input
          type="password"
          autoComplete="off"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          className={`${inputClass} w-full sm:w-96`}
          aria-label="Token to diagnose"
          placeholder="Paste a token"
        />
        <button type="submit" className={primaryButton} disabled={pending || value.trim() === ''}>
          {pending ? 'Diagnosing…' : 'Diagnose'}
        </button>
      </form>
      {error ? <ErrorPanel error={error} title="Not diagnosed" /> : null}
      {answer ? (
        <div className="space-y-2 text-sm" data-testid="token-diagnosis" role="status">
          <p>
            {answer.valid ? 'Valid' : 'Not valid'}, {answer.active ? 'active' : 'inactive'}
            {answer.org ? `, org ${answer.org}` : ''}
            {answer.user ? `, user ${answer.user}` : ''}.
          </p>
          <ul className="list-disc pl-5">
            {answer.buckets.map((b) => (
              <li key={b.name}>
                <span className="font-mono">{b.name}</span>: read {b.read ? 'yes' : 'no'}, write {b.write ? 'yes' : 'no'}
              </li>
            ))}
          </ul>
          {answer.fix ? (
            <p className="rounded-md bg-amber-50 p-2 text-amber-900">Fix: {answer.fix}</p>
          ) : (
            <p className="text-emerald-700">It can write every spec bucket.</p>
          )}
        </div>
      ) : null}
    </div>
  );
}
