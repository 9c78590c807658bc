import type { ReactNode } from 'react';
import { ConnectionBanner } from '@/components/connection-banner';
import { Nav } from '@/components/nav';
import { RoleProvider } from '@/components/role-context';
import { SessionMenu } from '@/components/session-menu';
import { currentSession } from '@/lib/auth/guard';

// Every screen reads the live server and the active spec (CONSOLE_SPEC) at request time.
export const dynamic = 'force-dynamic';

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const session = await currentSession();
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-6 py-3">
          <div>
            <p className="text-base font-semibold">HomeIQ InfluxDB console</p>
            <p className="text-xs text-slate-500">Pattern aggregates storage · Epic AI-5</p>
          </div>
          <div className="flex flex-wrap items-center gap-4">
            <Nav />
            {session ? <SessionMenu role={session.role} /> : null}
          </div>
        </div>
      </header>
      <ConnectionBanner />
      <main className="mx-auto max-w-6xl px-6 py-6">
        <RoleProvider role={session?.role ?? 'viewer'}>{children}</RoleProvider>
      </main>
    </div>
  );
}
