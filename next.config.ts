import type { NextConfig } from 'next';
import { contentSecurityPolicy } from './lib/security/content-security-policy';

const isDev = process.env.NODE_ENV !== 'production';

// The strict policy (scripts only from our own files, never inline) for every response; proxy.ts replaces it on pages
// with the nonce policy. Only what is fixed at build time belongs here: HSTS follows KPAY_PUBLIC_URL at run time, so
// scripts/start.mjs sends it.
const csp = contentSecurityPolicy({ dev: isDev });

const nextConfig: NextConfig = {
  // Native or file-system packages that must be required at run time, not bundled.
  // rate-limiter-flexible: its limiters live on globalThis and are shared by every route bundle; one copy of the module
  // keeps its RateLimiterRes class the same everywhere, so `instanceof` in any bundle recognises a refusal.
  // prom-client: one copy for the metrics registry every route bundle records into (lib/observability/metrics.ts).
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'pino', 'postgres', 'pg-boss', 'prom-client', 'rate-limiter-flexible'],
  poweredByHeader: false,
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          // Lower case, as proxy.ts's header arrives: its page policy then replaces this one rather than joining it.
          { key: 'content-security-policy', value: csp },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Referrer-Policy', value: 'same-origin' },
        ],
      },
    ];
  },
};

export default nextConfig;
