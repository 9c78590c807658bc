import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { Providers } from '@/components/providers';
import './globals.css';

export const metadata: Metadata = {
  // Each screen names itself first, so the route announcer says where a navigation went.
  title: { default: 'HomeIQ InfluxDB console', template: '%s · HomeIQ InfluxDB console' },
  description: 'Provision, verify and monitor the InfluxDB buckets of HomeIQ pattern aggregates (Epic AI-5)',
  icons: { icon: '/favicon.svg' },
};

// Rendered per request: Next.js puts the request's CSP nonce (set by proxy.ts) on its scripts.
export const dynamic = 'force-dynamic';

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
