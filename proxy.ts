import { type NextRequest, NextResponse } from 'next/server';
import { contentSecurityPolicy, createNonce } from '@/lib/security/content-security-policy';

/**
 * Pages only: a fresh script nonce per request instead of 'unsafe-inline'. Next.js reads the nonce from the request's
 * Content-Security-Policy header and puts it on every script it renders; the same policy goes out with the page.
 * Every page is rendered per request already (the root layout reads the language cookie), so nothing static is lost.
 *
 * This is not an auth guard: pages and server actions check the session themselves. The matcher skips what needs no
 * nonce and keeps the strict policy of next.config.ts: /api (kept cheap), /docs (its scripts are files on our origin),
 * /metrics (Prometheus text), Auth.js at /auth/*, Next's static files and the icon, and router prefetches.
 */
export function proxy(request: NextRequest) {
  const policy = contentSecurityPolicy({ nonce: createNonce(), dev: process.env.NODE_ENV === 'development' });
  const headers = new Headers(request.headers);
  headers.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', policy);
  return response;
}

export const config = {
  matcher: [
    {
      source: '/((?!api(?:/|$)|docs(?:/|$)|metrics$|auth/|_next/static/|_next/image|favicon\\.ico|icon\\.svg).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
