import { contentSecurityPolicy } from './content-security-policy';

/**
 * Every path, written as an unnamed group rather than '/:path*': Next drops unnamed params, and a header rule that
 * matched with no params is sent as written; with a named one, Next compiles each value holding ':' (the policy's
 * `data:` and `blob:`) as a path template on every request, a measurable share of a cheap API read.
 */
const EVERY_PATH = '/(.*)';

/**
 * next.config.ts's `headers()`: the strict policy (scripts only from our own files, never inline) and the other
 * security headers on every response: API, errors, /docs, static files; proxy.ts replaces the policy on pages with
 * the nonce policy. Only what is fixed at build time belongs here: HSTS follows KPAY_PUBLIC_URL at run time, so
 * scripts/start.mjs sends it.
 */
export function securityHeaders({ dev }: { dev: boolean }) {
  return [
    {
      source: EVERY_PATH,
      headers: [
        // Lower case, as proxy.ts's header arrives: its page policy then replaces this one rather than joining it.
        { key: 'content-security-policy', value: contentSecurityPolicy({ dev }) },
        { key: 'X-Content-Type-Options', value: 'nosniff' },
        { key: 'X-Frame-Options', value: 'DENY' },
        { key: 'Referrer-Policy', value: 'same-origin' },
      ],
    },
  ];
}
