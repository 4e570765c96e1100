import type { NextConfig } from 'next';
import { securityHeaders } from './lib/security/security-headers';

const nextConfig: NextConfig = {
  // Native or file-system packages that must be required at run time, not bundled.
  // rate-limiter-flexible: its limiters live on globalThis and are shared by every route bundle; one copy of the module
  // keeps its RateLimiterRes class the same everywhere, so `instanceof` in any bundle recognises a refusal.
  // prom-client: one copy for the metrics registry every route bundle records into (lib/observability/metrics.ts).
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'pino', 'postgres', 'pg-boss', 'prom-client', 'rate-limiter-flexible'],
  poweredByHeader: false,
  async headers() {
    return securityHeaders({ dev: process.env.NODE_ENV !== 'production' });
  },
};

export default nextConfig;
