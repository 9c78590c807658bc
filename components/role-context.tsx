'use client';

import { createContext, useContext, type ReactNode } from 'react';
import type { Role } from '@/lib/model/role';

const RoleContext = createContext<Role>('viewer');

/** The signed-in role, for hiding controls a viewer cannot use (the server refuses them anyway). */
export function RoleProvider({ role, children }: { role: Role; children: ReactNode }) {
  return <RoleContext.Provider value={role}>{children}</RoleContext.Provider>;
}

export function useCanChange(): boolean {
  return useContext(RoleContext) === 'admin';
}

export function ReadOnlyNote({ what }: { what: string }) {
  return (
    <p className="rounded-md bg-slate-100 p-3 text-sm text-slate-600" data-testid="read-only-note">
      Read-only: the viewer role can see {what} but not change it. Sign in as admin to make changes.
    </p>
  );
}
