import ipaddr from 'ipaddr.js';
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

/**
 * The rate-limit key of an address: an IPv4 address (also written IPv4-mapped, ::ffff:a.b.c.d) is itself; an IPv6
 * address counts as its /64, because one subscriber line gets a whole /64 and could otherwise take a fresh address,
 * and a fresh limit, for every request. Anything unparsable is keyed as written.
 */
export function clientNetwork(ip: string): string {
  // Not an address (a proxy's garbage, with KPAY_TRUSTED_PROXIES set too high): counted as what it says, within the
  // length a limiter key may have.
  if (!ipaddr.isValid(ip)) return ip.slice(0, 64);
  const address = ipaddr.process(ip);
  if (address.kind() === 'ipv4') return address.toString();
  const prefix = (address as ipaddr.IPv6).parts.slice(0, 4);
  return `${new ipaddr.IPv6([...prefix, 0, 0, 0, 0]).toString()}/64`;
}
