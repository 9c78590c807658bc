import type { ReactNode } from 'react';
import { ConnectionBanner } from '@/components/connection-banner';
import { Nav } from '@/components/nav';
import { RoleProvider } from '@/components/role-context';
import { SessionMenu } from '@/components/session-menu';
import { ThemeToggle } from '@/components/theme-toggle';
import { currentSession } from '@/lib/auth/guard';

// Every screen reads the live server and the active spec (CONSOLE_SPEC) at request time.
export const dynamic = 'force-dynamic';

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const session = await currentSession();
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only rounded-md bg-indigo-700 px-3 dark:bg-indigo-600 py-2 text-sm font-medium text-white focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-30"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
          <div>
            <p className="text-base font-semibold">HomeIQ InfluxDB console</p>
            <p className="text-xs text-slate-500">Pattern aggregates storage · Epic AI-5</p>
          </div>
          <div className="flex flex-wrap items-center gap-4">
            <Nav />
            <ThemeToggle />
            {session ? <SessionMenu role={session.role} /> : null}
          </div>
        </div>
      </header>
      <ConnectionBanner />
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-6 focus:outline-none sm:px-6">
        <RoleProvider role={session?.role ?? 'viewer'}>{children}</RoleProvider>
      </main>
    </div>
  );
}
