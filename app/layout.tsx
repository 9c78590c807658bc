import type { Metadata } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { Providers } from '@/components/providers';
import { THEME_SCRIPT } from '@/lib/client/theme';
import './globals.css';

export const metadata: Metadata = {
  // Each screen names itself first, so the route announcer says where a navigation went.
  title: { default: 'HomeIQ InfluxDB console', template: '%s · HomeIQ InfluxDB console' },
  description: 'Provision, verify and monitor the InfluxDB buckets of HomeIQ pattern aggregates (Epic AI-5)',
  icons: { icon: '/favicon.svg' },
};

// Rendered per request: Next.js puts the request's CSP nonce (set by proxy.ts) on its scripts.
export const dynamic = 'force-dynamic';

export default async function RootLayout({ children }: { children: ReactNode }) {
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    // The theme script sets the `dark` class before React hydrates: the class is expected to differ.
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* Before the first paint, so a dark page never flashes light; allowed by the request's CSP nonce. */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
