import path from 'node:path';
import type { NextConfig } from 'next';

const repoRoot = path.join(__dirname, '..', '..');

// No network at build or run time beyond the fleet: system fonts only, telemetry off (NEXT_TELEMETRY_DISABLED=1).
const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // libs/ui is TypeScript source in the monorepo.
  transpilePackages: ['@hexfleet/ui'],
  turbopack: { root: repoRoot },
  outputFileTracingRoot: repoRoot,
  // `npm run typecheck` checks the app (frontends/business/tsconfig.json); the build need not again.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
    ];
  },
};
export default config;
