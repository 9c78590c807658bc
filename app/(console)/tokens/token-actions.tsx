'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Dialog } from '@/components/dialog';
import { ErrorPanel } from '@/components/error-panel';
import { Field } from '@/components/field';
import { dangerButton, inputClass, secondaryButton } from '@/components/form-styles';
import { useCanChange } from '@/components/role-context';
import { deleteToken } from '@/lib/actions/delete-token';
import { setTokenStatus } from '@/lib/actions/set-token-status';
import type { ConsoleError } from '@/lib/model/error';
import { describeToken, type TokenInfo } from '@/lib/model/token';

/** Deactivate / Activate / Delete for one token; the admin only (viewers see the list and can diagnose). */
export function TokenActions({ token }: { token: TokenInfo }) {
  const canChange = useCanChange();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<ConsoleError | null>(null);
  const [deleting, setDeleting] = useState(false);
  if (!canChange) return null;
  const name = token.description || token.id;
  const toggle = () =>
    start(async () => {
      setError(null);
      const result = await setTokenStatus({ id: token.id, status: token.status === 'active' ? 'inactive' : 'active' });
      if (!result.ok) setError(result.error);
      router.refresh();
    });
  return (
    <div className="flex flex-wrap gap-2">
      <button
        type="button"
        className={secondaryButton}
        disabled={pending}
        onClick={toggle}
        aria-label={`${token.status === 'active' ? 'Deactivate' : 'Activate'} ${name}`}
      >
        {token.status === 'active' ? 'Deactivate' : 'Activate'}
      </button>
      <button type="button" className={secondaryButton} disabled={pending} onClick={() => setDeleting(true)} aria-label={`Delete ${name}`}>
        Delete
      </button>
      {error ? <ErrorPanel error={error} title="Token not changed" /> : null}
      {deleting ? <DeleteTokenDialog token={token} onClose={() => setDeleting(false)} onDone={() => router.refresh()} /> : null}
    </div>
  );
}

function DeleteTokenDialog({ token, onClose, onDone }: { token: TokenInfo; onClose: () => void; onDone: () => void }) {
  const expected = token.description || token.id;
  const [typed, setTyped] = useState('');
  const [pending, start] = useTransition();
  const [error, setError] = useState<ConsoleError | null>(null);
  return (
    <Dialog title={`Delete token ${expected}`} onClose={onClose}>
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          start(async () => {
            const result = await deleteToken({ id: token.id, confirmDescription: typed });
            if (result.ok) {
              onDone();
              onClose();
            } else setError(result.error);
          });
        }}
      >
        <p className="text-sm">
          This deletes the token <span className="font-mono font-semibold">{expected}</span> ({token.id}: {describeToken(token)}). Every service using it is
          refused from then on. It cannot be undone.
        </p>
        <Field label={`Type ${expected} to confirm`} error={error?.fields?.confirmDescription}>
          <input className={inputClass} value={typed} onChange={(e) => setTyped(e.target.value)} aria-label="Confirm token description" />
        </Field>
        {error && !error.fields ? <ErrorPanel error={error} /> : null}
        <div className="flex justify-end gap-2">
          <button type="button" className={secondaryButton} onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className={dangerButton} disabled={pending || typed !== expected}>
            {pending ? 'Deleting…' : 'Delete token'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
