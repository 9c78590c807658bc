'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const SCREENS = [
  { href: '/', label: 'Overview' },
  { href: '/buckets', label: 'Buckets' },
  { href: '/provision', label: 'Provision' },
  { href: '/verify', label: 'Verify' },
  { href: '/measurements', label: 'Measurements' },
  { href: '/storage', label: 'Storage' },
  { href: '/insights', label: 'Insights' },
  { href: '/alerts', label: 'Alerts' },
  { href: '/tokens', label: 'Tokens' },
  { href: '/backups', label: 'Backups' },
  { href: '/audit', label: 'Audit' },
] as const;

export function Nav() {
  const path = usePathname();
  return (
    <nav aria-label="Screens" className="flex flex-wrap gap-1">
      {SCREENS.map((s) => {
        const active = s.href === '/' ? path === '/' : path.startsWith(s.href);
        return (
          <Link
            key={s.href}
            href={s.href}
            // Every screen is dynamic and has no loading state: a prefetch fetches no data, yet each
            // page view made the server render nine other routes' shells on the cores it draws on.
            prefetch={false}
            aria-current={active ? 'page' : undefined}
            className={`rounded-md px-3 py-1.5 text-sm font-medium ${active ? 'bg-indigo-600 text-white' : 'text-slate-600 hover:bg-slate-200'}`}
          >
            {s.label}
          </Link>
        );
      })}
    </nav>
  );
}
