import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { AppError } from '@/lib/errors';
import { config } from '@/lib/config/config';

export class WebhookTargetError extends Error {}

export interface WebhookTarget {
  url: URL;
  /** The checked address to connect to: the request is pinned to it so DNS cannot change between check and connect. */
  address: string;
  family: 4 | 6;
}

/** Only globally routable unicast: no loopback, private, link-local (cloud metadata), multicast, CGNAT or reserved. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let ip = ipaddr.parse(address);
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  return ip.range() === 'unicast';
}

/**
 * The part of the rule that needs no DNS: a valid http(s) URL without credentials, and an address written as an IP
 * literal must be allowed. Safe to run inside a database transaction (emitting an event does).
 */
export function parseWebhookUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookTargetError('Not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new WebhookTargetError('Must be an http or https URL');
  if (url.username || url.password) throw new WebhookTargetError('Must not contain credentials');
  const host = hostOf(url);
  if (ipaddr.isValid(host)) assertAllowed([host]);
  return url;
}

/**
 * Checks a webhook URL and resolves it to an address that may be called: http(s) only, and every address the name
 * resolves to must be public (one private answer is enough to refuse: that is how DNS rebinding hides). Called when a
 * URL is saved and again before every delivery. KPAY_ALLOW_PRIVATE_WEBHOOKS=1 lifts the address rule (tests, LANs).
 */
export async function resolveWebhookTarget(raw: string): Promise<WebhookTarget> {
  const url = parseWebhookUrl(raw);
  const host = hostOf(url);
  let addresses: { address: string; family: number }[];
  if (ipaddr.isValid(host)) {
    addresses = [{ address: host, family: host.includes(':') ? 6 : 4 }];
  } else {
    try {
      addresses = await lookup(host, { all: true, verbatim: true });
    } catch {
      throw new WebhookTargetError(`Cannot resolve ${host}`);
    }
  }
  if (addresses.length === 0) throw new WebhookTargetError(`Cannot resolve ${host}`);
  assertAllowed(addresses.map((a) => a.address));
  const first = addresses[0]!;
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}

/**
 * The rule where a merchant hands KPay a URL (an endpoint, a payment's webhook_url): normalised, or a 422 naming the
 * field, so every place that accepts one answers alike.
 */
export async function checkWebhookUrl(raw: string, field = 'url'): Promise<string> {
  try {
    return (await resolveWebhookTarget(raw)).url.toString();
  } catch (error) {
    if (error instanceof WebhookTargetError) throw new AppError('validation_failed', 'Some fields are invalid', { [field]: error.message });
    throw error;
  }
}

const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, '');

function assertAllowed(addresses: string[]): void {
  if (!config().webhooks.allowPrivateTargets && !addresses.every(isPublicAddress)) {
    throw new WebhookTargetError('Must resolve to a public address (private, loopback and link-local targets are refused)');
  }
}
