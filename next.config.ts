import type { NextConfig } from 'next';

const isDev = process.env.NODE_ENV !== 'production';

// No third-party origins anywhere; 'unsafe-eval' only for React's dev tooling.
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

const nextConfig: NextConfig = {
  // Native or file-system packages that must be required at run time, not bundled.
  // rate-limiter-flexible: its limiters live on globalThis and are shared by every route bundle; one copy of the module
  // keeps its RateLimiterRes class the same everywhere, so `instanceof` in any bundle recognises a refusal.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'pino', 'postgres', 'pg-boss', 'rate-limiter-flexible'],
  poweredByHeader: false,
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'Content-Security-Policy', value: csp },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Referrer-Policy', value: 'same-origin' },
        ],
      },
    ];
  },
};

export default nextConfig;
