'use client';

import { useCanChange } from '@/components/role-context';

/** Next to the token controls: what a viewer may do here. */
export function ViewerTokenNote() {
  if (useCanChange()) return null;
  return (
    <p className="mb-3 rounded-md bg-slate-100 p-3 text-sm text-slate-600" data-testid="read-only-note">
      Read-only: viewers see the tokens and can diagnose one; creating, deactivating, activating or deleting a token needs the admin.
    </p>
  );
}
