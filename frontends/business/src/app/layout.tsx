import '@hexfleet/ui/src/styles.css';
import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { Providers } from './providers';

export const metadata: Metadata = {
  title: { default: 'Hexfleet Business', template: '%s · Hexfleet Business' },
  description: 'HR, payroll, chat and pipeline for your organisation.',
};
export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

/**
 * The gateway's URL is read when a page is served, not when the app is built (ADR 0087): one build
 * runs against any fleet (`HEXFLEET_GATEWAY_URL`, set by `npm run dev` and the browser tests).
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  const gatewayUrl = process.env.HEXFLEET_GATEWAY_URL ?? 'http://localhost:3000';
  return (
    <html lang="en">
      <body>
        <Providers gatewayUrl={gatewayUrl}>{children}</Providers>
      </body>
    </html>
  );
}
