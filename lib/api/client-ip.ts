import { config } from '@/lib/config/config';

/**
 * The caller's address. scripts/start.mjs appends the socket address to X-Forwarded-For, so the last entry is always
 * the direct peer; with KPAY_TRUSTED_PROXIES=n reverse proxies in front, the client is n entries further left.
 * Entries left of that are written by the client and never trusted.
 */
export function clientIp(headers: Headers): string {
  const chain = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (chain.length === 0) return 'unknown';
  return chain[Math.max(chain.length - 1 - config().trustedProxies, 0)]!;
}
