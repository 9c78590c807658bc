'use client';

import { useState } from 'react';
import { inputClass, primaryButton } from '@/components/form-styles';
import { safeNext } from '@/lib/model/safe-next';
import type { ConsoleError } from '@/lib/model/error';

export function LoginForm() {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ConsoleError | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <form
      className="space-y-3"
      onSubmit={async (e) => {
        e.preventDefault();
        setPending(true);
        setError(null);
        try {
          const res = await fetch('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ password }) });
          const body = (await res.json()) as { ok: boolean; error?: ConsoleError };
          if (body.ok) {
            window.location.assign(safeNext(new URLSearchParams(window.location.search).get('next'), window.location.origin));
            return;
          }
          setError(body.error ?? null);
        } catch {
          setError({ code: 'internal', message: 'The console did not answer.', fix: 'Check that it is running, then retry.' });
        } finally {
          setPending(false);
        }
      }}
    >
      <label className="block text-sm">
        <span className="font-medium">Password</span>
        <input
          type="password"
          autoFocus
          autoComplete="current-password"
          className={`${inputClass} mt-1`}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          aria-label="Password"
        />
      </label>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error.message} <span className="text-slate-600">{error.fix}</span>
        </p>
      ) : null}
      <button type="submit" className={`${primaryButton} w-full`} disabled={pending || !password}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
