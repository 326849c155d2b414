'use client';
import { SessionProvider } from '@hexfleet/ui';
import type { ReactNode } from 'react';

export function Providers({ gatewayUrl, children }: { gatewayUrl: string; children: ReactNode }) {
  return <SessionProvider gatewayUrl={gatewayUrl}>{children}</SessionProvider>;
}
