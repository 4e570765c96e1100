/**
 * KPay's Content-Security-Policy, in one place for next.config.ts (every response) and proxy.ts (pages).
 *
 * Without a nonce it is the strict policy of API responses, /docs and static files: scripts only from files on our own
 * origin, never inline. With a nonce it is the pages' policy: Next.js renders its inline bootstrap and chunk scripts
 * with the nonce it finds in this header, and 'strict-dynamic' lets those scripts load the rest of the app, so no
 * 'unsafe-inline' is needed. Styles keep 'unsafe-inline': React style attributes (card colours, chart sizes) cannot
 * carry a nonce, and a style cannot run code. No third-party origin appears anywhere.
 */
export function contentSecurityPolicy({ nonce, dev = false }: { nonce?: string; dev?: boolean } = {}): string {
  const scripts = nonce ? `'self' 'nonce-${nonce}' 'strict-dynamic'` : "'self'";
  return [
    "default-src 'self'",
    // 'unsafe-eval' only under `next dev`: React rebuilds server error stacks in the browser with eval.
    `script-src ${scripts}${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}

/** A fresh, unguessable nonce for one response: 128 random bits, base64. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
